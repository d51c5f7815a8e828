package dev.imageautomation.registry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * One operation against one repository: the base URL found by the ping, the registry's challenge, and the
 * credentials, asked for only when the registry challenges. A request answered 401 is re-authenticated once
 * (the token may have been revoked, or the registry wants another scope) before the operation fails.
 */
final class RegistrySession {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    private final RetryingSender sender;
    private final RegistryAuthenticator authenticator;
    private final ImageReference image;
    private final CredentialSource source;
    private final Deadline deadline;
    private final URI base;
    private final String proxyAuthorization;
    private AuthChallenge challenge;
    private RegistryCredentials credentials;

    RegistrySession(RetryingSender sender, RegistryAuthenticator authenticator, ImageReference image,
            CredentialSource source, Deadline deadline, URI base, AuthChallenge challenge, String proxyAuthorization) {
        this.sender = sender;
        this.authenticator = authenticator;
        this.image = image;
        this.source = source;
        this.deadline = deadline;
        this.base = base;
        this.challenge = challenge;
        this.proxyAuthorization = proxyAuthorization;
    }

    URI base() {
        return base;
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request, String operation) {
        if (proxyAuthorization != null) {
            request.setHeader("Proxy-Authorization", proxyAuthorization);
        }
        authorize(request);
        HttpResponse<byte[]> response = sendFollowingRedirects(request, operation);
        if (response.statusCode() != 401) {
            return response;
        }
        AuthChallenge renewed = response.headers().allValues("WWW-Authenticate").stream()
                .flatMap(value -> AuthChallenge.parse(value).stream())
                .filter(c -> c.isBearer() || c.isBasic())
                .findFirst()
                .orElse(null);
        if (renewed == null) {
            return response;
        }
        if (challenge != null) {
            authenticator.forget(challenge, scope(), credentials());
        }
        challenge = renewed;
        authorize(request);
        return sendFollowingRedirects(request, operation);
    }

    /**
     * Follows redirects here rather than in the JDK client, so that the registry's {@code Authorization} never
     * reaches another server (blob stores, CDNs) and HTTPS is never downgraded.
     */
    private HttpResponse<byte[]> sendFollowingRedirects(HttpRequest.Builder request, String operation) {
        HttpResponse<byte[]> response = sender.send(request, deadline, operation);
        for (int hops = 1; REDIRECTS.contains(response.statusCode()); hops++) {
            URI from = response.request().uri();
            String location = response.headers().firstValue("Location").orElseThrow(() ->
                    new RegistryException(operation + ": redirect without Location"));
            URI to = from.resolve(location);
            if (hops > MAX_REDIRECTS || "https".equals(from.getScheme()) && !"https".equals(to.getScheme())) {
                throw new RegistryException(operation + ": refusing redirect to " + to.getScheme() + "://"
                        + to.getHost() + " (too many, or HTTPS to HTTP)", response.statusCode(), null);
            }
            boolean sameOrigin = from.getScheme().equals(to.getScheme())
                    && from.getRawAuthority().equals(to.getRawAuthority());
            HttpRequest.Builder next = HttpRequest.newBuilder(response.request(),
                    (name, value) -> sameOrigin || !name.equalsIgnoreCase("Authorization")).uri(to);
            response = sender.send(next, deadline, operation);
        }
        return response;
    }

    private void authorize(HttpRequest.Builder request) {
        if (challenge != null) {
            request.setHeader("Authorization",
                    authenticator.authorization(challenge, scope(), credentials(), deadline));
        }
    }

    private RegistryCredentials credentials() {
        if (credentials == null) {
            credentials = source.credentialsFor(image);
        }
        return credentials;
    }

    private String scope() {
        return "repository:" + image.repository() + ":pull";
    }
}
