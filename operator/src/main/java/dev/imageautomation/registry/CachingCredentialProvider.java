package dev.imageautomation.registry;

import dev.imageautomation.identity.TokenRefresh;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A {@link CredentialProvider} that asks its cloud only when the cached credentials for a registry are used up:
 * they are kept for 80 % of their lifetime and at most an hour, as Flux's token cache does, so a scan every
 * minute costs one cloud call per hour at most, and no request goes out with a token about to expire.
 */
public final class CachingCredentialProvider implements CredentialProvider {

    private final String name;
    private final Predicate<ImageReference> supports;
    private final String hostDescription;
    private final CredentialFetcher fetcher;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CachingCredentialProvider(String name, Predicate<ImageReference> supports, String hostDescription,
            CredentialFetcher fetcher, Clock clock) {
        this.name = name;
        this.supports = supports;
        this.hostDescription = hostDescription;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean supports(ImageReference image) {
        return supports.test(image);
    }

    @Override
    public RegistryCredentials credentialsFor(ImageReference image) {
        if (!supports(image)) {
            throw new RegistryException("provider '" + name + "' cannot authenticate to registry '" + image.registry()
                    + "': the host must match " + hostDescription);
        }
        Instant now = clock.instant();
        Cached cached = cache.get(image.registry());
        if (cached != null && now.isBefore(cached.refreshAt())) {
            return cached.credentials();
        }
        ExpiringCredentials fresh = fetcher.fetch(image);
        cache.put(image.registry(),
                new Cached(fresh.credentials(), TokenRefresh.refreshAt(now, fresh.expiresAt())));
        return fresh.credentials();
    }

    /** Drops every cached token (e.g. when the operator's cloud identity changed). */
    public void clear() {
        cache.clear();
    }

    @Override
    public void close() {
        cache.clear();
        fetcher.close();
    }


    private record Cached(RegistryCredentials credentials, Instant refreshAt) {
    }

    @Override
    public String toString() {
        return "CredentialProvider[" + name + "]";
    }
}
