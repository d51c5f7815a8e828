package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.reconciler.EventRecorder.Type;
import java.util.Optional;

/**
 * Which event Flux emits after a reconcile, from the Ready state before and after (image-reflector spec 3.4,
 * image-automation spec 5.2): a Warning with the Ready reason for every failed run, a Normal event when an object
 * becomes Ready or its Ready message changes, and a Trace otherwise.
 */
final class EventMessages {

  record Event(Type type, String reason, String message) {}

  private EventMessages() {}

  static Event after(boolean readyBefore, String messageBefore, Verdict verdict, String traceMessage) {
    if (!verdict.isReady()) {
      return new Event(Type.WARNING, verdict.reason(), verdict.message());
    }
    boolean changed = !readyBefore || !verdict.message().equals(messageBefore);
    return changed
        ? new Event(Type.NORMAL, verdict.reason(), verdict.message())
        : new Event(Type.TRACE, ConditionReasons.SUCCEEDED, traceMessage);
  }

  /** The automation's variant: a push is always news, even when the object was and stays Ready. */
  static Event afterAutomation(boolean readyBefore, Verdict verdict, Optional<String> pushSummary,
      String traceMessage) {
    if (!verdict.isReady()) {
      return new Event(Type.WARNING, verdict.reason(), verdict.message());
    }
    if (pushSummary.isPresent()) {
      return new Event(Type.NORMAL, ConditionReasons.SUCCEEDED, pushSummary.get());
    }
    return readyBefore
        ? new Event(Type.TRACE, ConditionReasons.SUCCEEDED, traceMessage)
        : new Event(Type.NORMAL, ConditionReasons.SUCCEEDED, verdict.message());
  }
}
