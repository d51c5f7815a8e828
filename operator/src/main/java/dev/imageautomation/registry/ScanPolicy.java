package dev.imageautomation.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Whether an ImageRepository must be scanned now, as Flux's {@code shouldScan}: pure, over plain values taken from
 * the object's spec, status and annotation, and the stored tag count.
 */
public final class ScanPolicy {

    /** Flux scans when less than this is left of the interval. */
    static final Duration MINIMUM_WAIT = Duration.ofSeconds(1);

    private ScanPolicy() {
    }

    /**
     * What the reconciler knows before scanning.
     *
     * @param interval {@code spec.interval}
     * @param lastScanTime {@code status.lastScanResult.scanTime}, {@code null} when never scanned
     * @param requestedAt annotation {@code reconcile.fluxcd.io/requestedAt}, or {@code null}
     * @param lastHandledReconcileAt {@code status.lastHandledReconcileAt}, or {@code null}
     * @param canonicalImageName the canonical name of the current {@code spec.image}
     * @param observedCanonicalImageName {@code status.canonicalImageName}, or {@code null}
     * @param exclusionList {@code spec.exclusionList} (empty means the default)
     * @param observedExclusionList {@code status.observedExclusionList}, or {@code null}
     * @param storedTagCount tags in the store for this repository; 0 when nothing is stored
     */
    public record State(Duration interval, Instant lastScanTime, String requestedAt, String lastHandledReconcileAt,
            String canonicalImageName, String observedCanonicalImageName, List<String> exclusionList,
            List<String> observedExclusionList, int storedTagCount) {
        public State {
            Objects.requireNonNull(interval, "interval");
        }
    }

    /**
     * @param scan whether to scan now
     * @param reason Flux's wording for the Reconciling message ({@code scanning: <reason>}), or {@code null}
     * @param requeueAfter when to come back if not scanning; the interval when scanning
     */
    public record Decision(boolean scan, String reason, Duration requeueAfter) {
    }

    public static Decision decide(State state, Instant now) {
        String reason = reason(state);
        if (reason != null) {
            return new Decision(true, reason, state.interval());
        }
        Duration elapsed = Duration.between(state.lastScanTime(), now);
        Duration when = state.interval().minus(elapsed);
        if (when.compareTo(MINIMUM_WAIT) < 0) {
            return new Decision(true, "triggered by interval", state.interval());
        }
        return new Decision(false, null, when);
    }

    private static String reason(State state) {
        if (state.lastScanTime() == null) {
            return "first scan";
        }
        if (state.requestedAt() != null && !state.requestedAt().equals(state.lastHandledReconcileAt())) {
            return "reconcile requested";
        }
        if (!state.canonicalImageName().equals(state.observedCanonicalImageName())) {
            return "new image name";
        }
        if (!sameExclusions(ExclusionList.effective(state.exclusionList()), state.observedExclusionList())) {
            return "updated exclusion list";
        }
        if (state.storedTagCount() == 0) {
            return "no tags in database";
        }
        return null;
    }

    /** Flux compares lengths and mutual containment, ignoring order. */
    static boolean sameExclusions(List<String> effective, List<String> observed) {
        if (observed == null || effective.size() != observed.size()) {
            return false;
        }
        return new HashSet<>(effective).containsAll(observed) && new HashSet<>(observed).containsAll(effective);
    }
}
