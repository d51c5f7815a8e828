package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BearerTokenCacheTest {

    private static final BearerTokenCache.Key KEY = new BearerTokenCache.Key("https://auth/token", "svc",
            "repository:app:pull", "fingerprint");

    @Test
    void shouldServeATokenUntilShortlyBeforeItExpires() {
        MutableClock clock = new MutableClock("2026-01-01T00:00:00Z");
        BearerTokenCache cache = new BearerTokenCache(clock);
        cache.put(KEY, "tok", Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(4).plusSeconds(49));
        assertThat(cache.get(KEY)).contains("tok");

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get(KEY)).isEmpty();
    }

    @Test
    void shouldKeepOtherScopesAndCredentialsApart() {
        BearerTokenCache cache = new BearerTokenCache(new MutableClock("2026-01-01T00:00:00Z"));
        cache.put(KEY, "tok", Duration.ofMinutes(5));

        assertThat(cache.get(new BearerTokenCache.Key(KEY.realm(), KEY.service(), "repository:other:pull",
                KEY.credentials()))).isEmpty();
        assertThat(cache.get(new BearerTokenCache.Key(KEY.realm(), KEY.service(), KEY.scope(), "other"))).isEmpty();
    }
}
