package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.Objects;

/** Selects namespaces by their labels; an empty {@code matchLabels} matches every namespace. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceSelector {

  @JsonPropertyDescription(
      "MatchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent"
          + " to an element of matchExpressions, whose key field is \"key\", the operator is \"In\", and the"
          + " values array contains only \"value\". The requirements are ANDed.")
  private Map<String, String> matchLabels;

  public NamespaceSelector() {}

  public NamespaceSelector(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels;
  }

  public Map<String, String> getMatchLabels() {
    return matchLabels;
  }

  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamespaceSelector other && Objects.equals(matchLabels, other.matchLabels);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(matchLabels);
  }
}
