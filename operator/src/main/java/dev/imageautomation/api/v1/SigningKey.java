package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** The key that signs automation commits. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SigningKey {

  @Required
  @JsonPropertyDescription(
      "SecretRef holds the name to a secret that contains a 'git.asc' key corresponding to the ASCII "
          + "Armored file containing the GPG signing keypair as the value (type gpg), or an 'identity' key "
          + "holding an SSH private key (type ssh). It must be in the same namespace as the "
          + "ImageUpdateAutomation.")
  private LocalObjectReference secretRef;

  @JsonPropertyDescription(
      "Type of the signing key: 'gpg' (default) or 'ssh'.")
  private SigningKeyType type;

  public SigningKey() {}

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }

  public SigningKeyType getType() {
    return type;
  }

  public void setType(SigningKeyType type) {
    this.type = type;
  }

  /** The key type in force ({@code gpg} when absent). */
  public SigningKeyType effectiveType() {
    return type == null ? SigningKeyType.GPG : type;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SigningKey other)) {
      return false;
    }
    return Objects.equals(secretRef, other.secretRef)
        && Objects.equals(type, other.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secretRef, type);
  }

  @Override
  public String toString() {
    return "SigningKey{"
        + "secretRef=" + secretRef + ", "
        + "type=" + type
        + "}";
  }
}
