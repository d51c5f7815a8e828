package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The observed state of an ImageUpdateAutomation. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageUpdateAutomationStatus extends ReconcileStatus {

  @JsonPropertyDescription(
      "LastAutomationRunTime records the last time the controller ran this automation through to "
          + "completion (even if no updates were made). RFC 3339.")
  private String lastAutomationRunTime;

  @JsonPropertyDescription(
      "LastPushCommit records the SHA1 of the last commit made by the controller, for this automation "
          + "object.")
  private String lastPushCommit;

  @JsonPropertyDescription(
      "LastPushTime records the time of the last pushed change. RFC 3339.")
  private String lastPushTime;

  @JsonPropertyDescription(
      "Conditions holds the conditions (Ready, Reconciling, Stalled) of the ImageUpdateAutomation.")
  private List<Condition> conditions;

  @JsonPropertyDescription(
      "ObservedPolicies is the list of observed ImagePolicies that were considered by the "
          + "ImageUpdateAutomation update process.")
  private Map<String, ImageRef> observedPolicies;

  @JsonPropertyDescription(
      "ObservedSourceRevision is the last observed source revision. This can be used to determine if "
          + "the source has been updated since last observation.")
  private String observedSourceRevision;

  public ImageUpdateAutomationStatus() {}

  public String getLastAutomationRunTime() {
    return lastAutomationRunTime;
  }

  public void setLastAutomationRunTime(String lastAutomationRunTime) {
    this.lastAutomationRunTime = lastAutomationRunTime;
  }

  public String getLastPushCommit() {
    return lastPushCommit;
  }

  public void setLastPushCommit(String lastPushCommit) {
    this.lastPushCommit = lastPushCommit;
  }

  public String getLastPushTime() {
    return lastPushTime;
  }

  public void setLastPushTime(String lastPushTime) {
    this.lastPushTime = lastPushTime;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Map<String, ImageRef> getObservedPolicies() {
    return observedPolicies;
  }

  public void setObservedPolicies(Map<String, ImageRef> observedPolicies) {
    this.observedPolicies = observedPolicies;
  }

  public String getObservedSourceRevision() {
    return observedSourceRevision;
  }

  public void setObservedSourceRevision(String observedSourceRevision) {
    this.observedSourceRevision = observedSourceRevision;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImageUpdateAutomationStatus other)) {
      return false;
    }
    return Objects.equals(lastAutomationRunTime, other.lastAutomationRunTime)
        && Objects.equals(lastPushCommit, other.lastPushCommit)
        && Objects.equals(lastPushTime, other.lastPushTime)
        && Objects.equals(getObservedGeneration(), other.getObservedGeneration())
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(observedPolicies, other.observedPolicies)
        && Objects.equals(observedSourceRevision, other.observedSourceRevision)
        && Objects.equals(getLastHandledReconcileAt(), other.getLastHandledReconcileAt());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        lastAutomationRunTime,
        lastPushCommit,
        lastPushTime,
        getObservedGeneration(),
        conditions,
        observedPolicies,
        observedSourceRevision,
        getLastHandledReconcileAt());
  }

  @Override
  public String toString() {
    return "ImageUpdateAutomationStatus{"
        + "lastAutomationRunTime=" + lastAutomationRunTime + ", "
        + "lastPushCommit=" + lastPushCommit + ", "
        + "lastPushTime=" + lastPushTime + ", "
        + "observedGeneration=" + getObservedGeneration() + ", "
        + "conditions=" + conditions + ", "
        + "observedPolicies=" + observedPolicies + ", "
        + "observedSourceRevision=" + observedSourceRevision + ", "
        + "lastHandledReconcileAt=" + getLastHandledReconcileAt()
        + "}";
  }
}
