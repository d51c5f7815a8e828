package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Objects;

/**
 * The desired state of an ImageUpdateAutomation: which policies' images to write into which
 * Git repository, and how to commit and push.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageUpdateAutomationSpec {

  @Required
  @JsonPropertyDescription(
      "SourceRef refers to the resource giving access details to a git repository.")
  private CrossNamespaceSourceReference sourceRef;

  @JsonPropertyDescription(
      "GitSpec contains all the git-specific definitions. This is technically optional, but in practice"
          + " mandatory until there are other kinds of source allowed.")
  private GitSpec git;

  @Required
  @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
  @JsonPropertyDescription(
      "Interval gives an lower bound for how often the automation run should be attempted.")
  private String interval;

  @JsonPropertyDescription(
      "PolicySelector allows to filter applied policies based on labels. By default includes all "
          + "policies in namespace.")
  private LabelSelector policySelector;

  @Default("{\"strategy\":\"Setters\"}")
  @JsonPropertyDescription(
      "Update gives the specification for how to update the files in the repository. This can be left "
          + "empty, to use the default value.")
  private UpdateStrategy update;

  @JsonPropertyDescription(
      "Suspend tells the controller to not run this automation, until it is unsuspended.")
  private Boolean suspend;

  public ImageUpdateAutomationSpec() {}

  public CrossNamespaceSourceReference getSourceRef() {
    return sourceRef;
  }

  public void setSourceRef(CrossNamespaceSourceReference sourceRef) {
    this.sourceRef = sourceRef;
  }

  public GitSpec getGit() {
    return git;
  }

  public void setGit(GitSpec git) {
    this.git = git;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public LabelSelector getPolicySelector() {
    return policySelector;
  }

  public void setPolicySelector(LabelSelector policySelector) {
    this.policySelector = policySelector;
  }

  public UpdateStrategy getUpdate() {
    return update;
  }

  public void setUpdate(UpdateStrategy update) {
    this.update = update;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  /** Whether the automation is suspended. */
  public boolean suspended() {
    return Boolean.TRUE.equals(suspend);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImageUpdateAutomationSpec other)) {
      return false;
    }
    return Objects.equals(sourceRef, other.sourceRef)
        && Objects.equals(git, other.git)
        && Objects.equals(interval, other.interval)
        && Objects.equals(policySelector, other.policySelector)
        && Objects.equals(update, other.update)
        && Objects.equals(suspend, other.suspend);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceRef, git, interval, policySelector, update, suspend);
  }

  @Override
  public String toString() {
    return "ImageUpdateAutomationSpec{"
        + "sourceRef=" + sourceRef + ", "
        + "git=" + git + ", "
        + "interval=" + interval + ", "
        + "policySelector=" + policySelector + ", "
        + "update=" + update + ", "
        + "suspend=" + suspend
        + "}";
  }
}
