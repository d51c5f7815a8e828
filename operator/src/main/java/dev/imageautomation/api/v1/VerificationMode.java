package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which objects of a GitRepository are verified with the keys of {@code spec.verify.secretRef}. */
public enum VerificationMode {
  /** Flux accepts the lower-case spelling too; it means {@link #HEAD}. */
  @JsonProperty("head")
  HEAD_LOWERCASE("head"),
  @JsonProperty("HEAD")
  HEAD("HEAD"),
  @JsonProperty("Tag")
  TAG("Tag"),
  @JsonProperty("TagAndHEAD")
  TAG_AND_HEAD("TagAndHEAD");

  private final String value;

  VerificationMode(String value) {
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
