package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Which ref an ImageUpdateAutomation checks out; it replaces the GitRepository's ref as a whole. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitCheckoutSpec {

  @Required
  @JsonPropertyDescription(
      "Reference gives a branch, tag or commit to clone from the Git repository.")
  private GitRepositoryRef ref;

  public GitCheckoutSpec() {}

  public GitRepositoryRef getRef() {
    return ref;
  }

  public void setRef(GitRepositoryRef ref) {
    this.ref = ref;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitCheckoutSpec other)) {
      return false;
    }
    return Objects.equals(ref, other.ref);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ref);
  }

  @Override
  public String toString() {
    return "GitCheckoutSpec{"
        + "ref=" + ref
        + "}";
  }
}
