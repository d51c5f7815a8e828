package dev.imageautomation.registry;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code provider: azure}: an Entra ID access token from Azure Identity (workload identity, managed identity,
 * environment) exchanged at {@code https://<registry>/oauth2/exchange} for an ACR refresh token, which is the
 * password of the all-zero user ACR expects; it expires with the refresh token's JWT {@code exp}.
 */
public final class AzureAcrCredentials implements CredentialFetcher {

    /** Flux's pattern (fluxcd/pkg/auth/azure). */
    public static final Pattern ACR_HOST = Pattern.compile("^.+\\.(azurecr\\.io|azurecr\\.cn|azurecr\\.de|azurecr\\.us)$");
    public static final String USERNAME = "00000000-0000-0000-0000-000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TokenCredential credential;
    private final Function<String, URI> exchangeEndpoint;
    private final HttpClient http;

    /**
     * @param credential Entra ID credential, e.g. {@code new DefaultAzureCredentialBuilder().build()}
     * @param exchangeEndpoint registry authority → its exchange URL ({@link #standardExchangeEndpoint})
     * @param http the client that calls the exchange endpoint
     */
    public AzureAcrCredentials(TokenCredential credential, Function<String, URI> exchangeEndpoint, HttpClient http) {
        this.credential = credential;
        this.exchangeEndpoint = exchangeEndpoint;
        this.http = http;
    }

    public static URI standardExchangeEndpoint(String registry) {
        return URI.create("https://" + registry + "/oauth2/exchange");
    }

    /** The provider for {@code spec.provider: azure} with Azure Identity's default credential chain. */
    public static CredentialProvider defaultProvider(Clock clock) {
        return provider(new AzureAcrCredentials(new DefaultAzureCredentialBuilder().build(),
                AzureAcrCredentials::standardExchangeEndpoint,
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build()), clock);
    }

    public static CredentialProvider provider(AzureAcrCredentials fetcher, Clock clock) {
        return new CachingCredentialProvider("azure", image -> ACR_HOST.matcher(image.host()).matches(),
                "<name>.azurecr.io (or .azurecr.cn, .azurecr.de, .azurecr.us)", fetcher, clock);
    }

    /** The Entra ID scope for the cloud the registry lives in. */
    static String scopeFor(String host) {
        if (host.endsWith(".azurecr.cn")) {
            return "https://management.chinacloudapi.cn/.default";
        }
        if (host.endsWith(".azurecr.us")) {
            return "https://management.usgovcloudapi.net/.default";
        }
        return "https://management.azure.com/.default";
    }

    @Override
    public ExpiringCredentials fetch(ImageReference image) {
        AccessToken entra;
        try {
            entra = credential.getTokenSync(new TokenRequestContext().addScopes(scopeFor(image.host())));
        } catch (RuntimeException e) {
            throw ownFailure(e).orElseGet(() ->
                    new RegistryException("azure: getting an Entra ID token failed: " + e.getMessage(), e));
        }
        String refreshToken = exchange(image.registry(), entra.getToken());
        Instant expiresAt = jwtExpiry(refreshToken).orElse(entra.getExpiresAt().toInstant());
        return new ExpiringCredentials(RegistryCredentials.basic(USERNAME, refreshToken), expiresAt);
    }

    private String exchange(String registry, String accessToken) {
        URI endpoint = exchangeEndpoint.apply(registry);
        String form = "grant_type=access_token&service=" + encode(registry) + "&access_token=" + encode(accessToken);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String operation = "azure: ACR token exchange at " + endpoint.getHost();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RegistryException(operation + ": HTTP " + response.statusCode()
                        + RegistryErrors.detail(response.body()), response.statusCode(), null);
            }
            String refresh = JSON.readTree(response.body()).path("refresh_token").asText("");
            if (refresh.isEmpty()) {
                throw new RegistryException(operation + ": answer has no refresh_token");
            }
            return refresh;
        } catch (IOException e) {
            throw new RegistryException(operation + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(operation + ": interrupted", e);
        }
    }

    /** A failure of ours (the ServiceAccount token) that Azure Identity wrapped: said as it was. */
    private static java.util.Optional<RegistryException> ownFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryException own) {
                return java.util.Optional.of(own);
            }
        }
        return java.util.Optional.empty();
    }

    static java.util.Optional<Instant> jwtExpiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long exp = claims.path("exp").asLong(0);
            return exp > 0 ? java.util.Optional.of(Instant.ofEpochSecond(exp)) : java.util.Optional.empty();
        } catch (IOException | IllegalArgumentException notAJwt) {
            return java.util.Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
