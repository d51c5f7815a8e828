package dev.imageautomation.git.provider;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.ProxyOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.imageautomation.git.GitCredentials;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Entra ID access tokens for Azure DevOps git ({@code provider: azure}), sent as {@code Authorization: Bearer}. The
 * identity is the operator's own, found by Azure Identity's default chain (workload identity from
 * {@code AZURE_FEDERATED_TOKEN_FILE}/{@code AZURE_CLIENT_ID}/{@code AZURE_TENANT_ID}, then managed identity). Token
 * requests take the repository's proxy, so one credential is kept per proxy, and its tokens are cached.
 */
public final class AzureDevOpsTokens {

    /** The Azure DevOps resource, as Flux asks for it. */
    public static final String SCOPE = "499b84ac-1321-427f-aa17-267ca6975798/.default";

    private final Function<Optional<GitCredentials.ProxySettings>, TokenCredential> credentialFor;
    private final Map<Optional<GitCredentials.ProxySettings>, TokenCredential> credentials = new ConcurrentHashMap<>();
    private final TokenCache<Optional<GitCredentials.ProxySettings>> cache;

    /**
     * @param credentialFor builds the credential that requests tokens through a proxy (or directly, when empty);
     *     called once per proxy, and only when a token is first needed
     */
    public AzureDevOpsTokens(Function<Optional<GitCredentials.ProxySettings>, TokenCredential> credentialFor,
            Clock clock) {
        this.credentialFor = credentialFor;
        this.cache = new TokenCache<>(clock);
    }

    /** Azure Identity's default credential chain, built lazily so that nothing probes Azure before it is used. */
    public static AzureDevOpsTokens standard(Clock clock) {
        return new AzureDevOpsTokens(proxy -> {
            DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
            proxy.map(AzureDevOpsTokens::proxyOptions).ifPresent(builder::proxyOptions);
            return builder.build();
        }, clock);
    }

    /**
     * @param proxy the repository's proxy, or null
     * @throws GitProviderException when no identity is available or Entra ID refuses it
     */
    public ProviderToken token(GitCredentials.ProxySettings proxy) {
        Optional<GitCredentials.ProxySettings> route = Optional.ofNullable(proxy);
        return cache.get(route, () -> issue(credentials.computeIfAbsent(route, credentialFor)));
    }

    private static ProviderToken issue(TokenCredential credential) {
        AccessToken token;
        try {
            token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
        } catch (RuntimeException e) {
            throw new GitProviderException("azure: getting an Entra ID token for Azure DevOps failed: "
                    + firstLine(e.getMessage()));
        }
        if (token == null || token.getToken() == null || token.getToken().isEmpty()) {
            throw new GitProviderException("azure: Entra ID answered without an access token");
        }
        return new ProviderToken(token.getToken(), token.getExpiresAt().toInstant());
    }

    static ProxyOptions proxyOptions(GitCredentials.ProxySettings settings) {
        Proxy proxy = settings.toProxy();
        ProxyOptions options = new ProxyOptions(proxy.type() == Proxy.Type.SOCKS ? ProxyOptions.Type.SOCKS5
                : ProxyOptions.Type.HTTP, (InetSocketAddress) proxy.address());
        if (settings.username() != null) {
            options.setCredentials(settings.username(), settings.password() == null ? "" : settings.password());
        }
        return options;
    }

    /** Azure Identity's messages run to many lines of troubleshooting links; the first says what failed. */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
