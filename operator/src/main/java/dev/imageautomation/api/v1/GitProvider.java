package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a GitRepository gets credentials from: its secret ({@code generic}) or a provider's identity. */
public enum GitProvider {
  @JsonProperty("generic")
  GENERIC("generic"),
  @JsonProperty("aws")
  AWS("aws"),
  @JsonProperty("azure")
  AZURE("azure"),
  @JsonProperty("github")
  GITHUB("github");

  private final String value;

  GitProvider(String value) {
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
