package dev.imageautomation.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Where reconcile events go: Kubernetes events in the operator, the console in the {@code run} command. */
public interface EventRecorder {

  /** Flux's three event types; a trace is recorded as a Kubernetes Normal event but never forwarded. */
  enum Type {
    NORMAL,
    WARNING,
    TRACE
  }

  void record(HasMetadata object, Type type, String reason, String message);

  /** Drops everything; for callers that do not report events. */
  EventRecorder NONE = (object, type, reason, message) -> {};
}
