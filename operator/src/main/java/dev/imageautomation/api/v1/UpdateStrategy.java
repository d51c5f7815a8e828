package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/** How an ImageUpdateAutomation updates files, and where. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UpdateStrategy {

  @Default("Setters")
  @JsonPropertyDescription(
      "Strategy names the strategy to be used.")
  private UpdateStrategyName strategy;

  @JsonPropertyDescription(
      "Path to the directory containing the manifests to be updated. Defaults to 'None', which "
          + "translates to the root path of the GitRepositoryRef.")
  private String path;

  public UpdateStrategy() {}

  public UpdateStrategyName getStrategy() {
    return strategy;
  }

  public void setStrategy(UpdateStrategyName strategy) {
    this.strategy = strategy;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  /** The strategy in force ({@code Setters} when absent). */
  public UpdateStrategyName effectiveStrategy() {
    return strategy == null ? UpdateStrategyName.SETTERS : strategy;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof UpdateStrategy other)) {
      return false;
    }
    return Objects.equals(strategy, other.strategy)
        && Objects.equals(path, other.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(strategy, path);
  }

  @Override
  public String toString() {
    return "UpdateStrategy{"
        + "strategy=" + strategy + ", "
        + "path=" + path
        + "}";
  }
}
