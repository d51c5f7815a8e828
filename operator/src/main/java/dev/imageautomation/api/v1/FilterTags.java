package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Narrows the tags an ImagePolicy considers, and optionally extracts the value to compare. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FilterTags {

  @JsonPropertyDescription(
      "Pattern specifies a regular expression pattern used to filter for image tags.")
  private String pattern;

  @JsonPropertyDescription(
      "Extract allows a capture group to be extracted from the specified regular expression pattern, "
          + "useful before tag evaluation.")
  private String extract;

  public FilterTags() {}

  public String getPattern() {
    return pattern;
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  public String getExtract() {
    return extract;
  }

  public void setExtract(String extract) {
    this.extract = extract;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FilterTags other)) {
      return false;
    }
    return Objects.equals(pattern, other.pattern)
        && Objects.equals(extract, other.extract);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pattern, extract);
  }

  @Override
  public String toString() {
    return "FilterTags{"
        + "pattern=" + pattern + ", "
        + "extract=" + extract
        + "}";
  }
}
