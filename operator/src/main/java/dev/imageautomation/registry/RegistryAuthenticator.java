package dev.imageautomation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Answers a registry's challenge with an {@code Authorization} header: Basic credentials as is, or a Bearer token
 * from the challenge's token service (Docker token protocol: GET with Basic credentials, or OAuth2 POST with an
 * identity token), cached in {@link BearerTokenCache}.
 */
final class RegistryAuthenticator {

    /** Docker's default when a token response has no {@code expires_in}. */
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RetryingSender sender;
    private final BearerTokenCache tokens;

    RegistryAuthenticator(RetryingSender sender, BearerTokenCache tokens) {
        this.sender = sender;
        this.tokens = tokens;
    }

    String authorization(AuthChallenge challenge, String scope, RegistryCredentials credentials, Deadline deadline) {
        if (challenge.isBasic()) {
            if (credentials instanceof RegistryCredentials.Basic basic) {
                return basicHeader(basic);
            }
            throw new RegistryException("registry requires username/password (Basic) authentication, "
                    + "but no username/password credentials apply to it", 401, null);
        }
        if (!challenge.isBearer()) {
            throw new RegistryException("registry asks for unsupported authentication scheme '"
                    + challenge.scheme() + "'", 401, null);
        }
        if (credentials instanceof RegistryCredentials.BearerToken bearer) {
            return "Bearer " + bearer.token();
        }
        BearerTokenCache.Key key = key(challenge, scope, credentials);
        String token = tokens.get(key).orElseGet(() -> fetchToken(key, credentials, deadline));
        return "Bearer " + token;
    }

    void forget(AuthChallenge challenge, String scope, RegistryCredentials credentials) {
        if (challenge.isBearer()) {
            tokens.invalidate(key(challenge, scope, credentials));
        }
    }

    private String fetchToken(BearerTokenCache.Key key, RegistryCredentials credentials, Deadline deadline) {
        URI realm = realm(key.realm());
        HttpRequest.Builder request;
        if (credentials instanceof RegistryCredentials.IdentityToken identity) {
            String form = "grant_type=refresh_token&client_id=image-automation&refresh_token=" + encode(identity.token())
                    + "&service=" + encode(key.service()) + "&scope=" + encode(key.scope());
            request = HttpRequest.newBuilder(realm).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            request = HttpRequest.newBuilder(withQuery(realm, key)).GET();
            if (credentials instanceof RegistryCredentials.Basic basic) {
                request.header("Authorization", basicHeader(basic));
            }
        }
        String operation = "token request to " + realm.getHost();
        HttpResponse<byte[]> response = sender.send(request, deadline, operation);
        if (response.statusCode() != 200) {
            throw new RegistryException(operation + ": HTTP " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403 ? " (credentials rejected)" : "")
                    + RegistryErrors.detail(response.body()), response.statusCode(), null);
        }
        return store(key, response.body(), operation);
    }

    private String store(BearerTokenCache.Key key, byte[] body, String operation) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new RegistryException(operation + ": answer is not JSON");
        }
        String token = json.path("token").asText(json.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new RegistryException(operation + ": answer has no token");
        }
        long seconds = json.path("expires_in").asLong(0);
        tokens.put(key, token, seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TOKEN_LIFETIME);
        return token;
    }

    private static URI realm(String realm) {
        try {
            URI uri = URI.create(realm);
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException invalid) {
            // reported below
        }
        throw new RegistryException("registry challenge names an invalid token realm");
    }

    private static URI withQuery(URI realm, BearerTokenCache.Key key) {
        StringBuilder query = new StringBuilder(realm.getRawQuery() == null ? "" : realm.getRawQuery() + "&");
        if (!key.service().isEmpty()) {
            query.append("service=").append(encode(key.service())).append('&');
        }
        query.append("scope=").append(encode(key.scope()));
        String base = realm.toString();
        int q = base.indexOf('?');
        return URI.create((q < 0 ? base : base.substring(0, q)) + "?" + query);
    }

    private static BearerTokenCache.Key key(AuthChallenge challenge, String scope, RegistryCredentials credentials) {
        String realm = challenge.parameter("realm")
                .orElseThrow(() -> new RegistryException("registry Bearer challenge has no realm"));
        String effectiveScope = challenge.parameter("scope").orElse(scope);
        return new BearerTokenCache.Key(realm, challenge.parameter("service").orElse(""), effectiveScope,
                fingerprint(credentials));
    }

    static String basicHeader(RegistryCredentials.Basic basic) {
        String pair = basic.username() + ":" + basic.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(RegistryCredentials credentials) {
        String material = "anonymous";
        if (credentials instanceof RegistryCredentials.Basic b) {
            material = "basic\0" + b.username() + "\0" + b.password();
        } else if (credentials instanceof RegistryCredentials.IdentityToken t) {
            material = "identity\0" + t.token();
        } else if (credentials instanceof RegistryCredentials.BearerToken t) {
            material = "bearer\0" + t.token();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
