package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an ImageRepository gets registry credentials from: its secrets ({@code generic}) or a cloud provider's
 * workload identity.
 */
public enum RegistryProvider {
  @JsonProperty("generic")
  GENERIC("generic"),
  @JsonProperty("aws")
  AWS("aws"),
  @JsonProperty("azure")
  AZURE("azure"),
  @JsonProperty("gcp")
  GCP("gcp");

  private final String value;

  RegistryProvider(String value) {
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
