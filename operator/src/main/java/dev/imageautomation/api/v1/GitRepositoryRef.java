package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * A Git reference to check out (Flux {@code GitRepositoryRef}). When several fields are set the
 * clone honours, in order: commit, name, tag, semver, branch.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryRef {

  @JsonPropertyDescription(
      "Branch to check out, defaults to 'master' if no other field is defined.")
  private String branch;

  @JsonPropertyDescription(
      "Tag to check out, takes precedence over Branch.")
  private String tag;

  @JsonPropertyDescription(
      "SemVer tag expression to check out, takes precedence over Tag.")
  private String semver;

  @JsonPropertyDescription(
      "Name of the reference to check out; takes precedence over Branch, Tag and SemVer. It must be a "
          + "valid Git reference: https://git-scm.com/docs/git-check-ref-format#_description Examples: "
          + "\"refs/heads/main\", \"refs/tags/v0.1.0\", \"refs/pull/420/head\", \"refs/merge-requests/1/head\"")
  private String name;

  @JsonPropertyDescription(
      "Commit SHA to check out, takes precedence over all reference fields. This can be combined with "
          + "Branch to shallow clone the branch, in which the commit is expected to exist.")
  private String commit;

  public GitRepositoryRef() {}

  public String getBranch() {
    return branch;
  }

  public void setBranch(String branch) {
    this.branch = branch;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public String getSemver() {
    return semver;
  }

  public void setSemver(String semver) {
    this.semver = semver;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCommit() {
    return commit;
  }

  public void setCommit(String commit) {
    this.commit = commit;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitRepositoryRef other)) {
      return false;
    }
    return Objects.equals(branch, other.branch)
        && Objects.equals(tag, other.tag)
        && Objects.equals(semver, other.semver)
        && Objects.equals(name, other.name)
        && Objects.equals(commit, other.commit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(branch, tag, semver, name, commit);
  }

  @Override
  public String toString() {
    return "GitRepositoryRef{"
        + "branch=" + branch + ", "
        + "tag=" + tag + ", "
        + "semver=" + semver + ", "
        + "name=" + name + ", "
        + "commit=" + commit
        + "}";
  }
}
