package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Selects the highest version within a semantic-version range. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SemVerPolicySpec {

  @Required
  @JsonPropertyDescription(
      "Range gives a semver range for the image tag; the highest version within the range that's a tag "
          + "yields the latest image.")
  private String range;

  public SemVerPolicySpec() {}

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = range;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SemVerPolicySpec other)) {
      return false;
    }
    return Objects.equals(range, other.range);
  }

  @Override
  public int hashCode() {
    return Objects.hash(range);
  }

  @Override
  public String toString() {
    return "SemVerPolicySpec{"
        + "range=" + range
        + "}";
  }
}
