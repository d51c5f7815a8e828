package dev.imageautomation.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PushRetryTest {

    private final PushRetry retry = new PushRetry(10, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Property
    void shouldWaitBetweenHalfAndAllOfTheExponentialBoundCappedAtTheMaximum(@ForAll @IntRange(min = 1, max = 40) int attempt) {
        long bound = Math.min(100L << Math.min(attempt - 1, 20), 2000L);
        assertThat(retry.delayAfter(attempt).toMillis()).isBetween(bound / 2, bound);
    }

    @Property(tries = 20)
    void shouldRejectNonsensicalSettings(@ForAll @IntRange(min = -5, max = 0) int attempts) {
        assertThatThrownBy(() -> new PushRetry(attempts, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PushRetry(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
