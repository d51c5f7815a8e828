package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** How a GitRepository's commits or tags are verified (read model of source-controller). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryVerification {

  @Default("HEAD")
  @JsonPropertyDescription(
      "Mode specifies which Git object(s) should be verified. The variants \"head\" and \"HEAD\" both imply"
          + " the same thing, i.e. verify the commit that the HEAD of the Git repository points to.")
  private VerificationMode mode;

  @Required
  @JsonPropertyDescription(
      "SecretRef specifies the Secret containing the public keys of trusted Git authors.")
  private LocalObjectReference secretRef;

  public GitRepositoryVerification() {}

  public VerificationMode getMode() {
    return mode;
  }

  public void setMode(VerificationMode mode) {
    this.mode = mode;
  }

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitRepositoryVerification other)) {
      return false;
    }
    return Objects.equals(mode, other.mode)
        && Objects.equals(secretRef, other.secretRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, secretRef);
  }

  @Override
  public String toString() {
    return "GitRepositoryVerification{"
        + "mode=" + mode + ", "
        + "secretRef=" + secretRef
        + "}";
  }
}
