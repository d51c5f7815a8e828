package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BearerTokenCacheTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final BearerTokenCache.Key KEY = new BearerTokenCache.Key("https://auth/token", "svc",
            "repository:app:pull", "fingerprint");

    @Test
    void shouldServeATokenUntilShortlyBeforeItExpires() {
        ManualClock clock = new ManualClock();
        BearerTokenCache cache = new BearerTokenCache(clock);
        cache.put(KEY, "tok", Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(4).plusSeconds(49));
        assertThat(cache.get(KEY)).contains("tok");

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get(KEY)).isEmpty();
    }

    @Test
    void shouldKeepOtherScopesAndCredentialsApart() {
        BearerTokenCache cache = new BearerTokenCache(new ManualClock());
        cache.put(KEY, "tok", Duration.ofMinutes(5));

        assertThat(cache.get(new BearerTokenCache.Key(KEY.realm(), KEY.service(), "repository:other:pull",
                KEY.credentials()))).isEmpty();
        assertThat(cache.get(new BearerTokenCache.Key(KEY.realm(), KEY.service(), KEY.scope(), "other"))).isEmpty();
    }
}
