package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an ImageUpdateAutomation updates files; Flux v1 knows only {@code Setters} (rewrite marked values). */
public enum UpdateStrategyName {
  @JsonProperty("Setters")
  SETTERS("Setters");

  private final String value;

  UpdateStrategyName(String value) {
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
