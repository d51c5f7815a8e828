package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The order of an alphabetical or numerical ImagePolicy: {@code asc} selects the highest value, {@code desc} the
 * lowest.
 */
public enum SortOrder {
  @JsonProperty("asc")
  ASC("asc"),
  @JsonProperty("desc")
  DESC("desc");

  private final String value;

  SortOrder(String value) {
    this.value = value;
  }

  /** The spelling used in manifests. */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
