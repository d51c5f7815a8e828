package dev.imageautomation.git.provider;

import dev.imageautomation.identity.LruCache;
import dev.imageautomation.identity.TokenRefresh;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Tokens kept for 80 % of their lifetime and at most an hour, like Flux's token cache, so that every reconcile of
 * every automation on one identity shares one token and none goes out about to expire. Bounded like Flux's
 * {@code --token-cache-max-size} default: the least recently used entry goes first.
 */
final class TokenCache<K> {

    private final Clock clock;
    private final LruCache<K, Entry> entries;

    TokenCache(Clock clock) {
        this(clock, LruCache.DEFAULT_MAX_ENTRIES);
    }

    TokenCache(Clock clock, int maxEntries) {
        this.clock = clock;
        this.entries = new LruCache<>(maxEntries);
    }

    /** The cached token for {@code key}, or a new one from {@code issue} (called without holding the lock). */
    ProviderToken get(K key, Supplier<ProviderToken> issue) {
        Instant now = clock.instant();
        Entry cached = entries.get(key);
        if (cached != null && now.isBefore(cached.refreshAt())) {
            return cached.token();
        }
        ProviderToken fresh = issue.get();
        entries.put(key, new Entry(fresh, TokenRefresh.refreshAt(now, fresh.expiresAt())));
        return fresh;
    }


    private record Entry(ProviderToken token, Instant refreshAt) {
    }
}
