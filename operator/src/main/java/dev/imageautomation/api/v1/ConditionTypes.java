package dev.imageautomation.api.v1;

/**
 * The kstatus condition types of every kind: {@code Ready} has positive polarity; {@code Reconciling} and
 * {@code Stalled} are present only while true.
 */
public final class ConditionTypes {

  /** The object reached its desired state (True), failed (False) or is being worked on (Unknown). */
  public static final String READY = "Ready";

  /** The controller is working on the object; removed when a reconcile succeeds or stalls. */
  public static final String RECONCILING = "Reconciling";

  /** The spec is wrong and retrying will not help until it changes. */
  public static final String STALLED = "Stalled";

  private ConditionTypes() {}
}
