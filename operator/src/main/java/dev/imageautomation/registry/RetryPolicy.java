package dev.imageautomation.registry;

import java.time.Duration;

/**
 * Retries of one registry request on 408/429/5xx and connection failures: at most {@code maxAttempts} tries,
 * waiting {@code Retry-After} when the registry sends it (capped at {@code maxDelay}) or an exponential backoff
 * from {@code baseDelay}, and never beyond the operation's deadline.
 *
 * @param maxAttempts total tries including the first
 * @param baseDelay first backoff without {@code Retry-After}; doubles each retry
 * @param maxDelay the longest single wait, also the cap on {@code Retry-After}
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** As go-containerregistry's transport: three retries starting at one second. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    Duration backoff(int failedAttempts) {
        Duration delay = baseDelay.multipliedBy(1L << Math.min(failedAttempts - 1, 16));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status == 499 || status == 500 || status == 502
                || status == 503 || status == 504 || status == 522;
    }
}
