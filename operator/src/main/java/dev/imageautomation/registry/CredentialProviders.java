package dev.imageautomation.registry;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code spec.provider} → its {@link CredentialProvider}, created on first use and shared (so the token caches
 * are shared). {@code generic} has no provider: credentials then come from pull secrets.
 */
public final class CredentialProviders {

    private final Clock clock;
    private final Map<String, CredentialProvider> providers = new ConcurrentHashMap<>();

    public CredentialProviders(Clock clock) {
        this.clock = clock;
    }

    /** A set with fixed providers, e.g. pointed at local endpoints in tests. */
    public static CredentialProviders of(Clock clock, CredentialProvider... fixed) {
        CredentialProviders result = new CredentialProviders(clock);
        for (CredentialProvider provider : fixed) {
            result.providers.put(provider.name(), provider);
        }
        return result;
    }

    /**
     * @return empty for {@code generic} (or no provider)
     * @throws IllegalArgumentException {@code provider '<x>' not implemented} for an unknown name
     */
    public Optional<CredentialProvider> forName(String provider) {
        String name = provider == null || provider.isEmpty() ? "generic" : provider.toLowerCase(Locale.ROOT);
        if (name.equals("generic")) {
            return Optional.empty();
        }
        return Optional.of(providers.computeIfAbsent(name, this::create));
    }

    private CredentialProvider create(String name) {
        return switch (name) {
            case "aws" -> AwsEcrCredentials.defaultProvider(clock);
            case "gcp" -> GcpCredentials.defaultProvider(clock);
            case "azure" -> AzureAcrCredentials.defaultProvider(clock);
            default -> throw new IllegalArgumentException("provider '" + name + "' not implemented");
        };
    }
}
