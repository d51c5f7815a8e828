package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of key that signs automation commits; unset means {@code gpg}. */
public enum SigningKeyType {
  @JsonProperty("gpg")
  GPG("gpg"),
  @JsonProperty("ssh")
  SSH("ssh");

  private final String value;

  SigningKeyType(String value) {
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
