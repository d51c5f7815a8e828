package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ConditionTypes;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that writes kstatus conditions, the way Flux's controllers do: {@code Ready} (True/False/Unknown),
 * {@code Reconciling} and {@code Stalled} (present only while True). {@code lastTransitionTime} moves only when a
 * condition's status flips; every condition carries the generation it describes.
 */
public final class Conditions {

  private final Clock clock;

  public Conditions(Clock clock) {
    this.clock = clock;
  }

  /** The condition of {@code type}, if present. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** The conditions of an ImageRepository, ImagePolicy or ImageUpdateAutomation; empty for anything else. */
  public static List<Condition> of(HasMetadata object) {
    List<Condition> conditions = null;
    if (object instanceof ImageRepository repository && repository.getStatus() != null) {
      conditions = repository.getStatus().getConditions();
    } else if (object instanceof ImagePolicy policy && policy.getStatus() != null) {
      conditions = policy.getStatus().getConditions();
    } else if (object instanceof ImageUpdateAutomation automation && automation.getStatus() != null) {
      conditions = automation.getStatus().getConditions();
    }
    return conditions == null ? List.of() : conditions;
  }

  /** {@code True}, {@code False} or {@code Unknown} (also when there is no Ready condition). */
  public static String readyStatus(List<Condition> conditions) {
    return find(conditions, ConditionTypes.READY).map(Condition::getStatus).orElse("Unknown");
  }

  public static boolean isReady(List<Condition> conditions) {
    return readyStatus(conditions).equals("True");
  }

  /**
   * Start of a reconcile: Reconciling=True, and Ready=Unknown when Ready is missing or already Unknown (a Ready
   * True/False from the previous run stays visible until this run decides).
   */
  public List<Condition> progressing(List<Condition> current, long generation, String message) {
    List<Condition> next = set(current, ConditionTypes.RECONCILING, "True", ConditionReasons.PROGRESSING, message,
        generation);
    if (readyStatus(current).equals("Unknown")) {
      next = set(next, ConditionTypes.READY, "Unknown", ConditionReasons.PROGRESSING, "reconciliation in progress",
          generation);
    }
    return next;
  }

  /** The conditions after a reconcile that ended with {@code verdict}. */
  public List<Condition> conclude(List<Condition> current, Verdict verdict, long generation) {
    return switch (verdict.state()) {
      case SUSPENDED -> current == null ? List.of() : current;
      case READY -> remove(
          remove(set(current, ConditionTypes.READY, "True", verdict.reason(), verdict.message(), generation),
              ConditionTypes.RECONCILING),
          ConditionTypes.STALLED);
      case STALLED -> remove(
          set(set(current, ConditionTypes.READY, "False", verdict.reason(), verdict.message(), generation),
              ConditionTypes.STALLED, "True", verdict.reason(), verdict.message(), generation),
          ConditionTypes.RECONCILING);
      case RETRY, WAIT -> remove(
          set(set(current, ConditionTypes.READY, "False", verdict.reason(), verdict.message(), generation),
              ConditionTypes.RECONCILING, "True", ConditionReasons.PROGRESSING_WITH_RETRY, verdict.message(),
              generation),
          ConditionTypes.STALLED);
    };
  }

  /**
   * Sets one condition. The transition time is kept unless the status flips, so {@code kubectl describe} shows
   * since when an object has been (not) Ready rather than when it was last looked at.
   */
  public List<Condition> set(
      List<Condition> current, String type, String status, String reason, String message, long generation) {
    List<Condition> next = new ArrayList<>(current == null ? List.of() : current);
    Optional<Condition> existing = find(next, type);
    String transition =
        existing.filter(c -> Objects.equals(c.getStatus(), status))
            .map(Condition::getLastTransitionTime)
            .orElseGet(this::now);
    Condition condition = new Condition(transition, message, generation, reason, status, type);
    existing.ifPresentOrElse(c -> next.set(next.indexOf(c), condition), () -> next.add(condition));
    return next;
  }

  private static List<Condition> remove(List<Condition> current, String type) {
    List<Condition> next = new ArrayList<>(current);
    next.removeIf(c -> type.equals(c.getType()));
    return next;
  }

  /** RFC 3339 at second precision, as metav1.Time serialises. */
  public String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
