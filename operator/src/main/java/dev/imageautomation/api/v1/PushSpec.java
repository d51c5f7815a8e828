package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.Objects;

/** Where automation commits are pushed. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSpec {

  @JsonPropertyDescription(
      "Branch specifies that commits should be pushed to the branch named. The branch is created using "
          + "`.spec.checkout.branch` as the starting point, if it doesn't already exist.")
  private String branch;

  @JsonPropertyDescription(
      "Refspec specifies the Git Refspec to use for a push operation. If both Branch and Refspec are "
          + "provided, then the commit is pushed to the branch and also using the specified refspec. For more"
          + " details about Git Refspecs, see: https://git-scm.com/book/en/v2/Git-Internals-The-Refspec")
  private String refspec;

  @JsonPropertyDescription(
      "Options specifies the push options that are sent to the Git server when performing a push "
          + "operation. For details, see: "
          + "https://git-scm.com/docs/git-push#Documentation/git-push.txt---push-optionltoptiongt")
  private Map<String, String> options;

  public PushSpec() {}

  public String getBranch() {
    return branch;
  }

  public void setBranch(String branch) {
    this.branch = branch;
  }

  public String getRefspec() {
    return refspec;
  }

  public void setRefspec(String refspec) {
    this.refspec = refspec;
  }

  public Map<String, String> getOptions() {
    return options;
  }

  public void setOptions(Map<String, String> options) {
    this.options = options;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PushSpec other)) {
      return false;
    }
    return Objects.equals(branch, other.branch)
        && Objects.equals(refspec, other.refspec)
        && Objects.equals(options, other.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(branch, refspec, options);
  }

  @Override
  public String toString() {
    return "PushSpec{"
        + "branch=" + branch + ", "
        + "refspec=" + refspec + ", "
        + "options=" + options
        + "}";
  }
}
