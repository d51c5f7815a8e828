package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionTypes;
import dev.imageautomation.api.v1.ReconcileStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a reconcile reports besides its own status fields: conditions (published at the start of a run when
 * there is news, as Flux does), the Kubernetes event Flux would emit and the reconcile metrics. One {@link Run} per
 * reconcile remembers the state before, so the event can say what changed.
 */
public final class StatusRecorder {

  private final Conditions conditions;
  private final EventRecorder events;
  private final ReconcileMetrics metrics;
  private final ProgressPublisher progress;
  private final Clock clock;

  public StatusRecorder(Clock clock, EventRecorder events, ReconcileMetrics metrics, ProgressPublisher progress) {
    this.conditions = new Conditions(clock);
    this.events = events;
    this.metrics = metrics;
    this.progress = progress;
    this.clock = clock;
  }

  /** Starts a reconcile of {@code object}, whose conditions and status are {@code before} and {@code status}. */
  Run start(String kind, HasMetadata object, List<Condition> before, ReconcileStatus status) {
    return new Run(kind, object, before, status, clock.instant());
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
    private final long observedGeneration;
    private final String handledRequest;
    private final Instant startedAt;

    private Run(String kind, HasMetadata object, List<Condition> before, ReconcileStatus status, Instant startedAt) {
      this.kind = kind;
      this.object = object;
      this.readyBefore = Conditions.isReady(before);
      this.messageBefore = Conditions.find(before, ConditionTypes.READY).map(Condition::getMessage).orElse("");
      // absent counts as the CRDs' default -1
      this.observedGeneration = status.getObservedGeneration() == null ? -1 : status.getObservedGeneration();
      this.handledRequest = status.getLastHandledReconcileAt();
      this.startedAt = startedAt;
    }

    Instant startedAt() {
      return startedAt;
    }

    long generation() {
      Long generation = object.getMetadata().getGeneration();
      return generation == null ? 0 : generation;
    }

    /**
     * Reconciling=True with Flux's message: {@code processing object: new generation X -> Y} when the spec changed
     * since {@code observedGeneration}, else "reconciliation in progress". A new generation or a new reconcile
     * request is published at once, so the object shows it is being worked on while the run lasts.
     */
    List<Condition> progressing(List<Condition> current) {
      boolean newGeneration = observedGeneration != generation();
      String message = newGeneration ? "processing object: new generation " + observedGeneration + " -> "
          + generation() : "reconciliation in progress";
      List<Condition> next = conditions.progressing(current, generation(), message);
      String requested = JosdkControls.requestedAt(object);
      if (newGeneration || (requested != null && !Objects.equals(requested, handledRequest))) {
        progress.publish(object, next);
      }
      return next;
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
