package dev.imageautomation.reconciler;

import java.time.Duration;
import java.util.Optional;

/**
 * How a reconcile ended, independent of JOSDK so that the {@code run} command can act on it too.
 *
 * @param state what kind of ending: ready, stalled (wrong spec: wait for a change), retry (transient fault:
 *     exponential backoff) or wait (a dependency is not there yet: retry after a fixed delay, no backoff)
 * @param requeueAfter when to reconcile again without an event; empty = only on an event (or backoff for RETRY)
 */
public record Verdict(State state, String reason, String message, Optional<Duration> requeueAfter) {

  /** The four endings of a reconcile. */
  public enum State {
    READY,
    STALLED,
    RETRY,
    WAIT,
    /** {@code spec.suspend}: nothing was done, status is left as it was. */
    SUSPENDED
  }

  public static Verdict suspended() {
    return new Verdict(State.SUSPENDED, "", "reconciliation is suspended for this object", Optional.empty());
  }

  public static Verdict ready(String reason, String message, Optional<Duration> requeueAfter) {
    return new Verdict(State.READY, reason, message, requeueAfter);
  }

  public static Verdict of(ReconcileProblem problem) {
    return new Verdict(problem.state(), problem.reason(), problem.getMessage(), problem.retryAfter());
  }

  public boolean isReady() {
    return state == State.READY;
  }
}
