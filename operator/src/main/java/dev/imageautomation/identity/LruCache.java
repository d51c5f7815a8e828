package dev.imageautomation.identity;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * At most {@code maxEntries} values, the least recently used dropped first, as Flux's token cache bounds itself
 * ({@code --token-cache-max-size}). Per-identity state (tokens, credentials, providers) is kept here, so that a
 * cluster with thousands of ServiceAccounts holds the busiest hundred, not all of them forever. A dropped value is
 * handed to {@code onEvict} (to close what it owns) after the lock is released, so closing never blocks a lookup.
 */
public final class LruCache<K, V> {

    /** Flux's {@code --token-cache-max-size} default. */
    public static final int DEFAULT_MAX_ENTRIES = 100;

    private final int maxEntries;
    private final Consumer<? super V> onEvict;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);

    /** @param onEvict told of each value dropped for room or replaced */
    public LruCache(int maxEntries, Consumer<? super V> onEvict) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.onEvict = Objects.requireNonNull(onEvict, "onEvict");
    }

    /** For values that own nothing to close. */
    public LruCache(int maxEntries) {
        this(maxEntries, dropped -> { });
    }

    /** The value for {@code key}, now the most recently used, or null. */
    public V get(K key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    public void put(K key, V value) {
        List<V> dropped;
        synchronized (entries) {
            V replaced = entries.put(key, value);
            dropped = trim();
            if (replaced != null && replaced != value) {
                dropped.add(replaced);
            }
        }
        dropped.forEach(onEvict);
    }

    /**
     * The value for {@code key}, created by {@code create} under the lock when absent (so two callers never build
     * two); a failure to create caches nothing.
     */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> create) {
        List<V> dropped;
        V value;
        synchronized (entries) {
            value = entries.get(key);
            if (value != null) {
                return value;
            }
            value = Objects.requireNonNull(create.apply(key), "created value");
            entries.put(key, value);
            dropped = trim();
        }
        dropped.forEach(onEvict);
        return value;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The keys, least recently used first. */
    public List<K> keys() {
        synchronized (entries) {
            return List.copyOf(entries.keySet());
        }
    }

    private List<V> trim() {
        List<V> dropped = new ArrayList<>(1);
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries) {
            dropped.add(eldest.next().getValue());
            eldest.remove();
        }
        return dropped;
    }
}
