package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;

/** The observed state of an ImageRepository. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageRepositoryStatus extends ReconcileStatus {

  @JsonPropertyDescription(
      "Conditions holds the conditions (Ready, Reconciling, Stalled) of the ImageRepository.")
  private List<Condition> conditions;

  @JsonPropertyDescription(
      "CanonicalName is the name of the image repository with all the implied bits made explicit; e.g. "
          + "`index.docker.io/library/alpine` rather than `alpine`.")
  private String canonicalImageName;

  @JsonPropertyDescription(
      "LastScanResult contains the number of fetched tags.")
  private ScanResult lastScanResult;

  @JsonPropertyDescription(
      "ObservedExclusionList is a list of observed exclusion list. It reflects the exclusion rules used"
          + " for the observed scan result in spec.lastScanResult.")
  private List<String> observedExclusionList;

  public ImageRepositoryStatus() {}

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getCanonicalImageName() {
    return canonicalImageName;
  }

  public void setCanonicalImageName(String canonicalImageName) {
    this.canonicalImageName = canonicalImageName;
  }

  public ScanResult getLastScanResult() {
    return lastScanResult;
  }

  public void setLastScanResult(ScanResult lastScanResult) {
    this.lastScanResult = lastScanResult;
  }

  public List<String> getObservedExclusionList() {
    return observedExclusionList;
  }

  public void setObservedExclusionList(List<String> observedExclusionList) {
    this.observedExclusionList = observedExclusionList;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImageRepositoryStatus other)) {
      return false;
    }
    return Objects.equals(conditions, other.conditions)
        && Objects.equals(getObservedGeneration(), other.getObservedGeneration())
        && Objects.equals(canonicalImageName, other.canonicalImageName)
        && Objects.equals(lastScanResult, other.lastScanResult)
        && Objects.equals(observedExclusionList, other.observedExclusionList)
        && Objects.equals(getLastHandledReconcileAt(), other.getLastHandledReconcileAt());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        conditions,
        getObservedGeneration(),
        canonicalImageName,
        lastScanResult,
        observedExclusionList,
        getLastHandledReconcileAt());
  }

  @Override
  public String toString() {
    return "ImageRepositoryStatus{"
        + "conditions=" + conditions + ", "
        + "observedGeneration=" + getObservedGeneration() + ", "
        + "canonicalImageName=" + canonicalImageName + ", "
        + "lastScanResult=" + lastScanResult + ", "
        + "observedExclusionList=" + observedExclusionList + ", "
        + "lastHandledReconcileAt=" + getLastHandledReconcileAt()
        + "}";
  }
}
