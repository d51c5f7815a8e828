package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private final MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
  private final Conditions conditions = new Conditions(clock);

  @Test
  void shouldMoveTheTransitionTimeOnlyWhenTheStatusFlips() {
    List<Condition> failed = conditions.conclude(List.of(), retry("first"), 1);
    clock.advance(Duration.ofMinutes(1));
    List<Condition> failedAgain = conditions.conclude(failed, retry("second"), 2);
    clock.advance(Duration.ofMinutes(1));
    List<Condition> recovered = conditions.conclude(failedAgain,
        Verdict.ready("Succeeded", "ok", Optional.empty()), 2);

    assertThat(ready(failedAgain).getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(ready(failedAgain).getMessage()).isEqualTo("second");
    assertThat(ready(failedAgain).getObservedGeneration()).isEqualTo(2L);
    assertThat(ready(recovered).getLastTransitionTime()).isEqualTo("2026-11-25T10:02:00Z");
  }

  @Test
  void shouldKeepOnlyReadyAfterSuccessAndReadyWithStalledAfterAWrongSpec() {
    List<Condition> started = conditions.progressing(List.of(), 1, "reconciliation in progress");
    assertThat(types(started)).containsExactlyInAnyOrder("Reconciling", "Ready");
    assertThat(ready(started).getStatus()).isEqualTo("Unknown");

    List<Condition> stalled = conditions.conclude(started,
        Verdict.of(ReconcileProblem.stalled("InvalidPolicy", "bad range")), 1);
    assertThat(types(stalled)).containsExactlyInAnyOrder("Ready", "Stalled");

    List<Condition> done = conditions.conclude(conditions.progressing(stalled, 2, "again"),
        Verdict.ready("Succeeded", "fine", Optional.empty()), 2);
    assertThat(types(done)).containsExactly("Ready");
  }

  @Test
  void shouldLeaveAPreviousVerdictVisibleWhileANewRunProgresses() {
    List<Condition> ready = conditions.conclude(List.of(), Verdict.ready("Succeeded", "ok", Optional.empty()), 1);

    List<Condition> running = conditions.progressing(ready, 2, "reconciliation in progress");

    assertThat(ready(running).getStatus()).isEqualTo("True");
    assertThat(Conditions.find(running, "Reconciling")).isPresent();
  }

  private static Verdict retry(String message) {
    return Verdict.of(ReconcileProblem.retry("ReadOperationFailed", message));
  }

  private static Condition ready(List<Condition> list) {
    return Conditions.find(list, "Ready").orElseThrow();
  }

  private static List<String> types(List<Condition> list) {
    return list.stream().map(Condition::getType).toList();
  }
}
