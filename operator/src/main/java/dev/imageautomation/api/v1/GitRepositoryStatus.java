package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;

/**
 * The observed state of a GitRepository as reported by source-controller (read model; never
 * written by this operator).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryStatus {

  @JsonPropertyDescription(
      "ObservedGeneration is the last observed generation of the GitRepository object.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Conditions holds the conditions for the GitRepository.")
  private List<Condition> conditions;

  @JsonPropertyDescription(
      "Artifact represents the last successful GitRepository reconciliation.")
  private GitRepositoryArtifact artifact;

  @JsonPropertyDescription(
      "LastHandledReconcileAt holds the value of the most recent reconcile request value, so a change "
          + "of the annotation value can be detected.")
  private String lastHandledReconcileAt;

  public GitRepositoryStatus() {}

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public GitRepositoryArtifact getArtifact() {
    return artifact;
  }

  public void setArtifact(GitRepositoryArtifact artifact) {
    this.artifact = artifact;
  }

  public String getLastHandledReconcileAt() {
    return lastHandledReconcileAt;
  }

  public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
    this.lastHandledReconcileAt = lastHandledReconcileAt;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitRepositoryStatus other)) {
      return false;
    }
    return Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(artifact, other.artifact)
        && Objects.equals(lastHandledReconcileAt, other.lastHandledReconcileAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, conditions, artifact, lastHandledReconcileAt);
  }

  @Override
  public String toString() {
    return "GitRepositoryStatus{"
        + "observedGeneration=" + observedGeneration + ", "
        + "conditions=" + conditions + ", "
        + "artifact=" + artifact + ", "
        + "lastHandledReconcileAt=" + lastHandledReconcileAt
        + "}";
  }
}
