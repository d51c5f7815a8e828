package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanPolicyTest {

    private static final Instant LAST_SCAN = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    /** The state right after a successful scan; each test changes one thing. */
    private static ScanPolicy.State scanned() {
        return new ScanPolicy.State(INTERVAL, LAST_SCAN, "t1", "t1", "ghcr.io/org/app", "ghcr.io/org/app",
                List.of(), ExclusionList.DEFAULT, 12);
    }

    @Test
    void shouldSkipAndRequeueForTheRestOfTheIntervalWhenNothingChanged() {
        ScanPolicy.Decision decision = ScanPolicy.decide(scanned(), LAST_SCAN.plusSeconds(60));

        assertThat(decision).isEqualTo(new ScanPolicy.Decision(false, null, Duration.ofMinutes(4)));
    }

    @Test
    void shouldScanWhenLessThanASecondOfTheIntervalIsLeft() {
        assertThat(ScanPolicy.decide(scanned(), LAST_SCAN.plus(INTERVAL).minusMillis(500)))
                .isEqualTo(new ScanPolicy.Decision(true, "triggered by interval", INTERVAL));
    }

    @Test
    void shouldGiveFluxsReasonForEachTrigger() {
        Instant soon = LAST_SCAN.plusSeconds(10);
        var s = scanned();
        assertThat(reason(new ScanPolicy.State(INTERVAL, null, null, null, "a/b", null, null, null, 0), soon))
                .isEqualTo("first scan");
        assertThat(reason(new ScanPolicy.State(INTERVAL, LAST_SCAN, "t2", "t1", s.canonicalImageName(),
                s.observedCanonicalImageName(), List.of(), ExclusionList.DEFAULT, 12), soon))
                .isEqualTo("reconcile requested");
        assertThat(reason(new ScanPolicy.State(INTERVAL, LAST_SCAN, "t1", "t1", "ghcr.io/org/other",
                s.observedCanonicalImageName(), List.of(), ExclusionList.DEFAULT, 12), soon))
                .isEqualTo("new image name");
        assertThat(reason(new ScanPolicy.State(INTERVAL, LAST_SCAN, "t1", "t1", s.canonicalImageName(),
                s.observedCanonicalImageName(), List.of("^dev-"), ExclusionList.DEFAULT, 12), soon))
                .isEqualTo("updated exclusion list");
        assertThat(reason(new ScanPolicy.State(INTERVAL, LAST_SCAN, "t1", "t1", s.canonicalImageName(),
                s.observedCanonicalImageName(), List.of(), ExclusionList.DEFAULT, 0), soon))
                .isEqualTo("no tags in database");
    }

    @Test
    void shouldTreatExclusionListsAsEqualRegardlessOfOrder() {
        assertThat(ScanPolicy.sameExclusions(List.of("a", "b"), List.of("b", "a"))).isTrue();
        assertThat(ScanPolicy.sameExclusions(List.of("a", "b"), List.of("a"))).isFalse();
        assertThat(ScanPolicy.sameExclusions(List.of("a"), null)).isFalse();
    }

    private static String reason(ScanPolicy.State state, Instant now) {
        ScanPolicy.Decision decision = ScanPolicy.decide(state, now);
        assertThat(decision.scan()).isTrue();
        return decision.reason();
    }
}
