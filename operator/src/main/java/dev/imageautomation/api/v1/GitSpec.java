package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;
import java.util.Optional;

/** The Git side of an ImageUpdateAutomation: checkout, commit and push. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitSpec {

  @JsonPropertyDescription(
      "Checkout gives the parameters for cloning the git repository, ready to make changes. If not "
          + "present, the `spec.ref` field from the referenced `GitRepository` or its default will be used.")
  private GitCheckoutSpec checkout;

  @Required
  @JsonPropertyDescription(
      "Commit specifies how to commit to the git repository.")
  private CommitSpec commit;

  @JsonPropertyDescription(
      "Push specifies how and where to push commits made by the automation. If missing, commits are "
          + "pushed (back) to `.spec.checkout.branch` or its default.")
  private PushSpec push;

  public GitSpec() {}

  public GitCheckoutSpec getCheckout() {
    return checkout;
  }

  public void setCheckout(GitCheckoutSpec checkout) {
    this.checkout = checkout;
  }

  public CommitSpec getCommit() {
    return commit;
  }

  public void setCommit(CommitSpec commit) {
    this.commit = commit;
  }

  public PushSpec getPush() {
    return push;
  }

  public void setPush(PushSpec push) {
    this.push = push;
  }

  /**
   * The branch to push to: {@code push.branch}, else the branch of the effective checkout ref (this object's
   * checkout ref, else {@code sourceRef}, the GitRepository's), else empty when none can be inferred.
   */
  public Optional<String> effectivePushBranch(GitRepositoryRef sourceRef) {
    if (push != null && push.getBranch() != null && !push.getBranch().isEmpty()) {
      return Optional.of(push.getBranch());
    }
    GitRepositoryRef ref = effectiveCheckoutRef(sourceRef);
    return ref == null || ref.getBranch() == null || ref.getBranch().isEmpty()
        ? Optional.empty()
        : Optional.of(ref.getBranch());
  }

  /** The ref to check out: this object's checkout ref, else {@code sourceRef} (may be null: branch master). */
  public GitRepositoryRef effectiveCheckoutRef(GitRepositoryRef sourceRef) {
    return checkout != null && checkout.getRef() != null ? checkout.getRef() : sourceRef;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitSpec other)) {
      return false;
    }
    return Objects.equals(checkout, other.checkout)
        && Objects.equals(commit, other.commit)
        && Objects.equals(push, other.push);
  }

  @Override
  public int hashCode() {
    return Objects.hash(checkout, commit, push);
  }

  @Override
  public String toString() {
    return "GitSpec{"
        + "checkout=" + checkout + ", "
        + "commit=" + commit + ", "
        + "push=" + push
        + "}";
  }
}
