package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Another GitRepository whose artifact is included (read model; ignored by image automation). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryInclude {

  @Required
  @JsonPropertyDescription(
      "GitRepositoryRef specifies the GitRepository which Artifact contents must be included.")
  private LocalObjectReference repository;

  @JsonPropertyDescription(
      "FromPath specifies the path to copy contents from, defaults to the root of the Artifact.")
  private String fromPath;

  @JsonPropertyDescription(
      "ToPath specifies the path to copy contents to, defaults to the name of the GitRepositoryRef.")
  private String toPath;

  public GitRepositoryInclude() {}

  public LocalObjectReference getRepository() {
    return repository;
  }

  public void setRepository(LocalObjectReference repository) {
    this.repository = repository;
  }

  public String getFromPath() {
    return fromPath;
  }

  public void setFromPath(String fromPath) {
    this.fromPath = fromPath;
  }

  public String getToPath() {
    return toPath;
  }

  public void setToPath(String toPath) {
    this.toPath = toPath;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitRepositoryInclude other)) {
      return false;
    }
    return Objects.equals(repository, other.repository)
        && Objects.equals(fromPath, other.fromPath)
        && Objects.equals(toPath, other.toPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(repository, fromPath, toPath);
  }

  @Override
  public String toString() {
    return "GitRepositoryInclude{"
        + "repository=" + repository + ", "
        + "fromPath=" + fromPath + ", "
        + "toPath=" + toPath
        + "}";
  }
}
