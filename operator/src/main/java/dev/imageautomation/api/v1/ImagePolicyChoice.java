package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * The selection rule of an ImagePolicy: exactly one of semver, alphabetical or numerical is
 * meant to be set; when several are, semver wins over alphabetical over numerical (as in Flux).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImagePolicyChoice {

  @JsonPropertyDescription(
      "SemVer gives a semantic version range to check against the tags available.")
  private SemVerPolicySpec semver;

  @JsonPropertyDescription(
      "Alphabetical set of rules to use for alphabetical ordering of the tags.")
  private AlphabeticalPolicySpec alphabetical;

  @JsonPropertyDescription(
      "Numerical set of rules to use for numerical ordering of the tags.")
  private NumericalPolicySpec numerical;

  public ImagePolicyChoice() {}

  public SemVerPolicySpec getSemver() {
    return semver;
  }

  public void setSemver(SemVerPolicySpec semver) {
    this.semver = semver;
  }

  public AlphabeticalPolicySpec getAlphabetical() {
    return alphabetical;
  }

  public void setAlphabetical(AlphabeticalPolicySpec alphabetical) {
    this.alphabetical = alphabetical;
  }

  public NumericalPolicySpec getNumerical() {
    return numerical;
  }

  public void setNumerical(NumericalPolicySpec numerical) {
    this.numerical = numerical;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImagePolicyChoice other)) {
      return false;
    }
    return Objects.equals(semver, other.semver)
        && Objects.equals(alphabetical, other.alphabetical)
        && Objects.equals(numerical, other.numerical);
  }

  @Override
  public int hashCode() {
    return Objects.hash(semver, alphabetical, numerical);
  }

  @Override
  public String toString() {
    return "ImagePolicyChoice{"
        + "semver=" + semver + ", "
        + "alphabetical=" + alphabetical + ", "
        + "numerical=" + numerical
        + "}";
  }
}
