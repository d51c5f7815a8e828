package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The status fields every image kind carries with the same meaning and CRD text: {@code observedGeneration} and
 * {@code lastHandledReconcileAt}. {@code conditions} stays in each kind because its CRD description names the kind.
 * Subclasses include these fields in their own {@code equals}, {@code hashCode} and {@code toString}.
 */
public abstract class ReconcileStatus {

  @JsonPropertyDescription(
      "ObservedGeneration is the last reconciled generation.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "LastHandledReconcileAt holds the value of the most recent reconcile request value, so a change "
          + "of the annotation value can be detected.")
  private String lastHandledReconcileAt;

  protected ReconcileStatus() {}

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastHandledReconcileAt() {
    return lastHandledReconcileAt;
  }

  public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
    this.lastHandledReconcileAt = lastHandledReconcileAt;
  }
}
