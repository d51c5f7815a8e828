package dev.imageautomation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bound every per-identity cache shares: least recently used out first, and told so it can close. */
class LruCacheTest {

    private final List<String> evicted = new ArrayList<>();
    private final LruCache<String, String> cache = new LruCache<>(3, evicted::add);

    @Test
    void shouldDropTheLeastRecentlyUsedEntryNotTheOldest() {
        cache.put("a", "A");
        cache.put("b", "B");
        cache.put("c", "C");
        cache.get("a");

        cache.put("d", "D");

        assertThat(cache.keys()).containsExactly("c", "a", "d");
        assertThat(evicted).containsExactly("B");
        assertThat(cache.get("b")).isNull();
    }

    @Test
    void shouldNeverHoldMoreThanTheBound() {
        List<Integer> sizes = new ArrayList<>();

        IntStream.range(0, 50).forEach(i -> {
            cache.computeIfAbsent("k" + i, key -> key.toUpperCase(java.util.Locale.ROOT));
            sizes.add(cache.size());
        });

        assertThat(sizes).allMatch(size -> size <= 3).endsWith(3);
        assertThat(evicted).hasSize(47).startsWith("K0", "K1", "K2");
        assertThat(cache.keys()).containsExactly("k47", "k48", "k49");
    }

    @Test
    void shouldBuildAValueOnceAndKeepNothingWhenBuildingFails() {
        List<String> builds = new ArrayList<>();
        String first = cache.computeIfAbsent("a", key -> {
            builds.add(key);
            return "A";
        });
        String again = cache.computeIfAbsent("a", key -> {
            builds.add(key);
            return "other";
        });

        assertThatThrownBy(() -> cache.computeIfAbsent("bad", key -> {
            throw new IllegalArgumentException("bad annotations");
        })).hasMessage("bad annotations");

        assertThat(again).isSameAs(first);
        assertThat(builds).containsExactly("a");
        assertThat(cache.keys()).containsExactly("a");
    }

    @Test
    void shouldHandOnAReplacedValueButNotOneStoredAgain() {
        cache.put("a", "A1");
        cache.put("a", "A2");
        cache.put("a", "A2");

        assertThat(evicted).containsExactly("A1");
        assertThat(cache.get("a")).isEqualTo("A2");
    }

    @Test
    void shouldRefuseABoundBelowOne() {
        assertThatThrownBy(() -> new LruCache<String, String>(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEntries must be positive: 0");
    }
}
