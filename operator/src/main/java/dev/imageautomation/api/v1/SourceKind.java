package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of source an ImageUpdateAutomation writes to; only {@code GitRepository} is supported. */
public enum SourceKind {
  @JsonProperty("GitRepository")
  GIT_REPOSITORY("GitRepository");

  private final String value;

  SourceKind(String value) {
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
