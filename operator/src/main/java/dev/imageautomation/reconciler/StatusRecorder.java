package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a reconcile reports besides its own status fields: conditions, the Kubernetes event Flux would emit
 * and the reconcile metrics. One {@link Run} per reconcile remembers the state before, so the event can say what
 * changed.
 */
public final class StatusRecorder {

  private final Conditions conditions;
  private final EventRecorder events;
  private final ReconcileMetrics metrics;
  private final Clock clock;

  public StatusRecorder(Clock clock, EventRecorder events, ReconcileMetrics metrics) {
    this.conditions = new Conditions(clock);
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Starts a reconcile of {@code object}, whose conditions are {@code before}. */
  Run start(String kind, HasMetadata object, List<Condition> before) {
    return new Run(kind, object, before, clock.instant());
  }

  /** Now, as the status timestamps write it. */
  String now() {
    return conditions.now();
  }

  void forget(String kind, HasMetadata object) {
    metrics.forget(kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  /** One reconcile in progress. */
  final class Run {
    private final String kind;
    private final HasMetadata object;
    private final boolean readyBefore;
    private final String messageBefore;
    private final Instant startedAt;

    private Run(String kind, HasMetadata object, List<Condition> before, Instant startedAt) {
      this.kind = kind;
      this.object = object;
      this.readyBefore = Conditions.isReady(before);
      this.messageBefore = Conditions.find(before, ConditionTypes.READY).map(Condition::getMessage).orElse("");
      this.startedAt = startedAt;
    }

    Instant startedAt() {
      return startedAt;
    }

    long generation() {
      Long generation = object.getMetadata().getGeneration();
      return generation == null ? 0 : generation;
    }

    List<Condition> progressing(List<Condition> current) {
      return conditions.progressing(current, generation(), "reconciliation in progress");
    }

    Verdict suspended() {
      metrics.recordSuspended(kind, namespace(), name(), true);
      return Verdict.suspended();
    }

    /** Concludes an ImageRepository or ImagePolicy reconcile. */
    List<Condition> conclude(List<Condition> current, Verdict verdict, String traceMessage) {
      return finish(current, verdict, EventMessages.after(readyBefore, messageBefore, verdict, traceMessage));
    }

    /** Concludes an automation reconcile; {@code pushSummary} when a commit was pushed. */
    List<Condition> concludeAutomation(List<Condition> current, Verdict verdict, Optional<String> pushSummary,
        String traceMessage) {
      return finish(current, verdict,
          EventMessages.afterAutomation(readyBefore, verdict, pushSummary, traceMessage));
    }

    private List<Condition> finish(List<Condition> current, Verdict verdict, EventMessages.Event event) {
      List<Condition> next = conditions.conclude(current, verdict, generation());
      events.record(object, event.type(), event.reason(), event.message());
      metrics.recordSuspended(kind, namespace(), name(), false);
      metrics.recordReady(kind, namespace(), name(), Conditions.readyStatus(next));
      metrics.recordDuration(kind, namespace(), name(), Duration.between(startedAt, clock.instant()));
      return next;
    }

    private String namespace() {
      return object.getMetadata().getNamespace();
    }

    private String name() {
      return object.getMetadata().getName();
    }
  }
}
