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
public class ImagePolicyStatus extends ReconcileStatus {

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
      "Conditions holds the conditions (Ready, Reconciling, Stalled) of the ImagePolicy.")
  private List<Condition> conditions;

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

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
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
        && Objects.equals(getObservedGeneration(), other.getObservedGeneration())
        && Objects.equals(conditions, other.conditions)
        && Objects.equals(getLastHandledReconcileAt(), other.getLastHandledReconcileAt());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        latestRef,
        latestImage,
        observedPreviousRef,
        getObservedGeneration(),
        conditions,
        getLastHandledReconcileAt());
  }

  @Override
  public String toString() {
    return "ImagePolicyStatus{"
        + "latestRef=" + latestRef + ", "
        + "latestImage=" + latestImage + ", "
        + "observedPreviousRef=" + observedPreviousRef + ", "
        + "observedGeneration=" + getObservedGeneration() + ", "
        + "conditions=" + conditions + ", "
        + "lastHandledReconcileAt=" + getLastHandledReconcileAt()
        + "}";
  }
}
