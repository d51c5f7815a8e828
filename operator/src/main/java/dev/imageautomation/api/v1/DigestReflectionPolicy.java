package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** When an ImagePolicy resolves the digest of the selected tag into {@code status.latestRef.digest}. */
public enum DigestReflectionPolicy {
  @JsonProperty("Always")
  ALWAYS("Always"),
  @JsonProperty("IfNotPresent")
  IF_NOT_PRESENT("IfNotPresent"),
  @JsonProperty("Never")
  NEVER("Never");

  private final String value;

  DigestReflectionPolicy(String value) {
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
