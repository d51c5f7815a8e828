package dev.imageautomation.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The end of one registry operation ({@code spec.timeout}); every request and wait must fit before it. */
record Deadline(Instant end, Duration budget, Clock clock) {

    static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), budget, clock);
    }

    Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    boolean allows(Duration wait) {
        return remaining().compareTo(wait) > 0;
    }

    RegistryException exceeded(String operation) {
        return new RegistryException(operation + ": timed out after " + budget.toMillis() + "ms (spec.timeout)");
    }
}
