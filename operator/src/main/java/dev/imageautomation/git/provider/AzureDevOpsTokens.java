package dev.imageautomation.git.provider;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.ProxyOptions;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.imageautomation.git.GitCredentials;
import dev.imageautomation.identity.EntraIdWorkloadIdentity;
import dev.imageautomation.identity.LruCache;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokenException;
import dev.imageautomation.identity.ServiceAccountTokens;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Entra ID access tokens for Azure DevOps git ({@code provider: azure}), sent as {@code Authorization: Bearer}. The
 * identity is the operator's own, found by Azure Identity's default chain (workload identity from
 * {@code AZURE_FEDERATED_TOKEN_FILE}/{@code AZURE_CLIENT_ID}/{@code AZURE_TENANT_ID}, then managed identity), or a
 * ServiceAccount's (object-level workload identity, {@link EntraIdWorkloadIdentity}). Token requests take the
 * repository's proxy, so one credential is kept per identity and proxy; tokens are cached per identity. Account
 * credentials and tokens are kept for the most recently used {@value LruCache#DEFAULT_MAX_ENTRIES} accounts, as
 * Flux bounds its token cache: a dropped credential owns nothing to close, since its HTTP client is the one
 * {@link EntraIdWorkloadIdentity} shares (through a proxy, MSAL connects per request).
 */
public final class AzureDevOpsTokens {

    /** The Azure DevOps resource, as Flux asks for it. */
    public static final String SCOPE = "499b84ac-1321-427f-aa17-267ca6975798/.default";

    private final Function<Optional<GitCredentials.ProxySettings>, TokenCredential> credentialFor;
    private final EntraIdWorkloadIdentity accounts;
    private final Map<Optional<GitCredentials.ProxySettings>, TokenCredential> credentials = new ConcurrentHashMap<>();
    private final LruCache<AccountRoute, TokenCredential> accountCredentials;
    private final TokenCache<Optional<GitCredentials.ProxySettings>> cache;
    private final TokenCache<AccountKey> accountCache;

    /**
     * @param credentialFor builds the credential that requests tokens through a proxy (or directly, when empty);
     *     called once per proxy, and only when a token is first needed
     * @param accounts how a ServiceAccount becomes an Entra ID credential
     */
    public AzureDevOpsTokens(Function<Optional<GitCredentials.ProxySettings>, TokenCredential> credentialFor,
            EntraIdWorkloadIdentity accounts, Clock clock) {
        this(credentialFor, accounts, clock, LruCache.DEFAULT_MAX_ENTRIES);
    }

    /** @param maxAccounts how many accounts keep their credentials and tokens */
    AzureDevOpsTokens(Function<Optional<GitCredentials.ProxySettings>, TokenCredential> credentialFor,
            EntraIdWorkloadIdentity accounts, Clock clock, int maxAccounts) {
        this.credentialFor = credentialFor;
        this.accounts = accounts;
        this.cache = new TokenCache<>(clock);
        this.accountCache = new TokenCache<>(clock, maxAccounts);
        this.accountCredentials = new LruCache<>(maxAccounts);
    }

    /** The operator's own identity from {@code credentialFor}; ServiceAccounts with Entra ID where it really is. */
    public AzureDevOpsTokens(Function<Optional<GitCredentials.ProxySettings>, TokenCredential> credentialFor,
            Clock clock) {
        this(credentialFor, EntraIdWorkloadIdentity.standard(), clock);
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
     * A token for the operator's own identity.
     *
     * @param proxy the repository's proxy, or null
     * @throws GitProviderException when no identity is available or Entra ID refuses it
     */
    public ProviderToken token(GitCredentials.ProxySettings proxy) {
        Optional<GitCredentials.ProxySettings> route = Optional.ofNullable(proxy);
        return cache.get(route, () -> issue(credentials.computeIfAbsent(route, credentialFor), ""));
    }

    /**
     * A token for {@code account}'s Entra ID application, cached per account, application and tenant.
     *
     * @param kubernetes issues the account's tokens (the client assertions)
     * @param proxy the repository's proxy, or null
     * @throws IllegalArgumentException when the account's annotations name no application or tenant
     * @throws GitProviderException when the account has no Kubernetes token or Entra ID refuses it
     */
    public ProviderToken token(ServiceAccountIdentity account, ServiceAccountTokens kubernetes,
            GitCredentials.ProxySettings proxy) {
        EntraIdWorkloadIdentity.Application application = accounts.applicationOf(account);
        AccountKey key = new AccountKey(account.namespace(), account.name(), application.clientId(),
                application.tenantId());
        Optional<GitCredentials.ProxySettings> route = Optional.ofNullable(proxy);
        return accountCache.get(key, () -> issue(accountCredentials.computeIfAbsent(new AccountRoute(key, route),
                ignored -> accounts.credential(application, kubernetes, builder -> routed(builder, route))),
                " as service account '" + account.reference() + "'"));
    }

    /** The accounts that hold a credential, as {@code namespace/name}, least recently used first. */
    List<String> accountsWithCredentials() {
        return accountCredentials.keys().stream()
                .map(route -> route.account().namespace() + "/" + route.account().name()).toList();
    }

    private static ClientAssertionCredentialBuilder routed(ClientAssertionCredentialBuilder builder,
            Optional<GitCredentials.ProxySettings> proxy) {
        return proxy.map(AzureDevOpsTokens::proxyOptions).map(builder::proxyOptions).orElse(builder);
    }

    private static ProviderToken issue(TokenCredential credential, String identity) {
        AccessToken token;
        try {
            token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
        } catch (RuntimeException e) {
            throw new GitProviderException(kubernetesFailure(e).orElseGet(() -> "azure: getting an Entra ID token "
                    + "for Azure DevOps" + identity + " failed: " + firstLine(e.getMessage())));
        }
        if (token == null || token.getToken() == null || token.getToken().isEmpty()) {
            throw new GitProviderException("azure: Entra ID answered without an access token");
        }
        return new ProviderToken(token.getToken(), token.getExpiresAt().toInstant());
    }

    /** The API server's refusal of the client assertion, which Azure Identity wraps: said as the port said it. */
    private static Optional<String> kubernetesFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceAccountTokenException refused) {
                return Optional.of("azure: " + refused.getMessage());
            }
        }
        return Optional.empty();
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

    /** Whose token: the tokens of one application are shared by every repository the account reads. */
    private record AccountKey(String namespace, String name, String clientId, String tenantId) {
    }

    /** One credential per account and proxy, as for the operator's own identity. */
    private record AccountRoute(AccountKey account, Optional<GitCredentials.ProxySettings> proxy) {
    }
}
