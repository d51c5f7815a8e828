package dev.imageautomation.git;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a rejected (non-fast-forward) push is retried on a fresh head, and how long to wait in between:
 * exponential from {@code initialDelay}, capped at {@code maxDelay}, with full jitter so that writers who were
 * rejected together do not come back together.
 *
 * @param maxAttempts total push attempts, at least 1
 * @param initialDelay upper bound of the first wait
 * @param maxDelay upper bound of any wait
 */
public record PushRetry(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public static final PushRetry DEFAULT = new PushRetry(5, Duration.ofMillis(200), Duration.ofSeconds(5));

    public PushRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initialDelay <= maxDelay");
        }
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} (1-based) was rejected. */
    Duration delayAfter(int attempt) {
        long cap = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        long bound = Math.min(Math.max(cap, 0), maxDelay.toMillis());
        return Duration.ofMillis(bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound / 2, bound + 1));
    }

    void sleepAfter(int attempt) {
        try {
            Thread.sleep(delayAfter(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while waiting to retry a rejected push");
        }
    }
}
