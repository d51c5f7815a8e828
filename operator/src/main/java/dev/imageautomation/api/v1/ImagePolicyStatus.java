package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;

/** The observed state of an ImagePolicy. {@code latestImage} is this project's addition to Flux v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImagePolicyStatus {

  @JsonPropertyDescription(
      "LatestRef gives the first in the list of images scanned by the image repository, when filtered "
          + "and ordered according to the policy.")
  private ImageRef latestRef;

  @JsonPropertyDescription(
      "LatestImage is the selected image as name:tag (the same as latestRef). Not in Flux v1; kept so "
          + "that `-o jsonpath='{.status.latestImage}'` works.")
  private String latestImage;

  @JsonPropertyDescription(
      "ObservedPreviousRef is the observed previous LatestRef. It is used to keep track of the previous"
          + " and current images.")
  private ImageRef observedPreviousRef;

  @JsonPropertyDescription(
      "ObservedGeneration is the last reconciled generation.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Conditions holds the conditions (Ready, Reconciling, Stalled) of the ImagePolicy.")
  private List<Condition> conditions;

  @JsonPropertyDescription(
      "LastHandledReconcileAt holds the value of the most recent reconcile request value, so a change "
          + "of the annotation value can be detected.")
  private String lastHandledReconcileAt;

  public ImagePolicyStatus() {}

  public ImageRef getLatestRef() {
    return latestRef;
  }

  public void setLatestRef(ImageRef latestRef) {
    this.latestRef = latestRef;
  }

  public String getLatestImage() {
    return latestImage;
  }

  public void setLatestImage(String latestImage) {
    this.latestImage = latestImage;
  }

  public ImageRef getObservedPreviousRef() {
    return observedPreviousRef;
  }

  public void setObservedPreviousRef(ImageRef observedPreviousRef) {
    this.observedPreviousRef = observedPreviousRef;
  }

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

  public String getLastHandledReconcileAt() {
    return lastHandledReconcileAt;
  }

  public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
    this.lastHandledReconcileAt = lastHandledReconcileAt;
  }

  /**
   * Records a newly selected image: {@code observedPreviousRef} takes the current {@code latestRef} when the two
   * differ (as in Flux), and {@code latestImage} follows {@code latestRef}.
   */
  public void updateLatest(ImageRef selected) {
    if (latestRef != null && !latestRef.equals(selected)) {
      observedPreviousRef = latestRef;
    }
    latestRef = selected;
    latestImage = selected == null ? null : selected.toImage();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImagePolicyStatus other)) {
      return false;
    }
    return Objects.equals(latestRef, other.latestRef)
        && Objects.equals(latestImage, other.latestImage)
        && Objects.equals(observedPreviousRef, other.observedPreviousRef)
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(lastHandledReconcileAt, other.lastHandledReconcileAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        latestRef,
        latestImage,
        observedPreviousRef,
        observedGeneration,
        conditions,
        lastHandledReconcileAt);
  }

  @Override
  public String toString() {
    return "ImagePolicyStatus{"
        + "latestRef=" + latestRef + ", "
        + "latestImage=" + latestImage + ", "
        + "observedPreviousRef=" + observedPreviousRef + ", "
        + "observedGeneration=" + observedGeneration + ", "
        + "conditions=" + conditions + ", "
        + "lastHandledReconcileAt=" + lastHandledReconcileAt
        + "}";
  }
}
