package dev.imageautomation.reconciler;

import java.time.Duration;
import java.util.Optional;

/**
 * A reconcile step could not do its work. Carries the Flux condition reason and a message written for the person
 * running {@code kubectl describe} (never a credential), and whether retrying can help.
 */
public final class ReconcileProblem extends Exception {

  private static final long serialVersionUID = 1L;

  private final Verdict.State state;
  private final String reason;
  private final transient Optional<Duration> retryAfter;

  private ReconcileProblem(
      Verdict.State state, String reason, String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.state = state;
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  /** The spec is wrong: Stalled, no retry until the object changes. */
  public static ReconcileProblem stalled(String reason, String message) {
    return new ReconcileProblem(Verdict.State.STALLED, reason, message, Optional.empty(), null);
  }

  /** A transient fault: retried with exponential backoff. */
  public static ReconcileProblem retry(String reason, String message, Throwable cause) {
    return new ReconcileProblem(Verdict.State.RETRY, reason, message, Optional.empty(), cause);
  }

  /** A transient fault without an underlying exception. */
  public static ReconcileProblem retry(String reason, String message) {
    return retry(reason, message, null);
  }

  /** Something this object needs is not there yet: try again after {@code delay}, without backoff. */
  public static ReconcileProblem waitFor(String reason, String message, Duration delay) {
    return new ReconcileProblem(Verdict.State.WAIT, reason, message, Optional.of(delay), null);
  }

  public Verdict.State state() {
    return state;
  }

  public String reason() {
    return reason;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
