package dev.imageautomation.registry;

import dev.imageautomation.identity.LruCache;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokens;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code spec.provider} → its {@link CredentialProvider}, created on first use and shared (so the token caches
 * are shared): one for the controller's own cloud identity, and one per ServiceAccount for object-level workload
 * identity, so credentials are cached per (provider, namespace, account and its identity annotations, registry).
 * Account providers are kept for the {@value LruCache#DEFAULT_MAX_ENTRIES} most recently used accounts, as Flux
 * bounds its token cache; a dropped one is closed, and the SDK clients its cloud's {@link WorkloadIdentity} shares
 * among all accounts stay open. {@code generic} has no provider: credentials then come from pull secrets.
 */
public final class CredentialProviders {

    private final Clock clock;
    private final ServiceAccountTokens tokens;
    private final Map<String, WorkloadIdentity> workloadIdentities;
    private final Map<String, CredentialProvider> providers = new ConcurrentHashMap<>();
    private final LruCache<AccountKey, CredentialProvider> accountProviders =
            new LruCache<>(LruCache.DEFAULT_MAX_ENTRIES, CredentialProvider::close);

    /** Controller identity only: no API server to issue ServiceAccount tokens. */
    public CredentialProviders(Clock clock) {
        this(clock, ServiceAccountTokens.NONE);
    }

    /** Controller identity, and ServiceAccount identities through {@code tokens}. */
    public CredentialProviders(Clock clock, ServiceAccountTokens tokens) {
        this(clock, tokens, Map.of("aws", AwsWorkloadIdentity.standard(),
                "azure", AzureWorkloadIdentity.standard(), "gcp", GcpWorkloadIdentity.standard()));
    }

    private CredentialProviders(Clock clock, ServiceAccountTokens tokens, Map<String, WorkloadIdentity> identities) {
        this.clock = clock;
        this.tokens = tokens;
        this.workloadIdentities = Map.copyOf(identities);
    }

    /** A set with fixed providers, e.g. pointed at local endpoints in tests. */
    public static CredentialProviders of(Clock clock, CredentialProvider... fixed) {
        CredentialProviders result = new CredentialProviders(clock);
        for (CredentialProvider provider : fixed) {
            result.providers.put(provider.name(), provider);
        }
        return result;
    }

    /** The same providers with {@code provider}'s workload identity replaced, e.g. pointed at local endpoints. */
    public CredentialProviders withWorkloadIdentity(String provider, WorkloadIdentity identity) {
        Map<String, WorkloadIdentity> identities = new HashMap<>(workloadIdentities);
        identities.put(provider, identity);
        CredentialProviders result = new CredentialProviders(clock, tokens, identities);
        result.providers.putAll(providers);
        return result;
    }

    /**
     * @return empty for {@code generic} (or no provider)
     * @throws IllegalArgumentException {@code provider '<x>' not implemented} for an unknown name
     */
    public Optional<CredentialProvider> forName(String provider) {
        String name = normalised(provider);
        if (name.equals("generic")) {
            return Optional.empty();
        }
        return Optional.of(providers.computeIfAbsent(name, this::create));
    }

    /**
     * The provider that authenticates as {@code account} (object-level workload identity).
     *
     * @throws IllegalArgumentException when the provider has no workload identity here, or the account's
     *     annotations do not name a usable cloud identity
     */
    public CredentialProvider forServiceAccount(String provider, ServiceAccountIdentity account) {
        String name = normalised(provider);
        WorkloadIdentity identity = workloadIdentities.get(name);
        if (identity == null) {
            throw new IllegalArgumentException("object-level workload identity (spec.serviceAccountName) is not "
                    + "implemented for provider '" + name + "'; remove spec.serviceAccountName to use the "
                    + "controller's own identity");
        }
        // a failed build (bad annotations) is not cached: the next reconcile reads the account again
        return accountProviders.computeIfAbsent(new AccountKey(name, account),
                key -> identity.providerFor(account, tokens, clock));
    }

    /** The accounts with a provider, as {@code provider namespace/name}, least recently used first. */
    List<String> accountsWithProviders() {
        return accountProviders.keys().stream()
                .map(key -> key.provider() + " " + key.account().reference()).toList();
    }

    private static String normalised(String provider) {
        return provider == null || provider.isEmpty() ? "generic" : provider.toLowerCase(Locale.ROOT);
    }

    private CredentialProvider create(String name) {
        return switch (name) {
            case "aws" -> AwsEcrCredentials.defaultProvider(clock);
            case "gcp" -> GcpCredentials.defaultProvider(clock);
            case "azure" -> AzureAcrCredentials.defaultProvider(clock);
            default -> throw new IllegalArgumentException("provider '" + name + "' not implemented");
        };
    }

    private record AccountKey(String provider, ServiceAccountIdentity account) {
    }
}
