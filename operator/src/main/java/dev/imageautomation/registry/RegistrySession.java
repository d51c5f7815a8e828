package dev.imageautomation.registry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One operation against one repository: the base URL found by the ping, the registry's challenge, and the
 * credentials, asked for only when the registry challenges. A request answered 401 is re-authenticated once
 * (the token may have been revoked, or the registry wants another scope) before the operation fails.
 */
final class RegistrySession {

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
        HttpResponse<byte[]> response = sender.send(request, deadline, operation);
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
        return sender.send(request, deadline, operation);
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
