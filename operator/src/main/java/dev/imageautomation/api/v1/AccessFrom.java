package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/**
 * The cross-namespace access control list of an ImageRepository (Flux {@code acl.AccessFrom}): ImagePolicies in
 * namespaces matching any selector may refer to it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccessFrom {

  @Required
  @JsonPropertyDescription(
      "NamespaceSelectors is the list of namespace selectors to which this ACL applies. Items in this list are"
          + " evaluated using a logical OR operation.")
  private List<NamespaceSelector> namespaceSelectors;

  public AccessFrom() {}

  public AccessFrom(List<NamespaceSelector> namespaceSelectors) {
    this.namespaceSelectors = namespaceSelectors;
  }

  public List<NamespaceSelector> getNamespaceSelectors() {
    return namespaceSelectors;
  }

  public void setNamespaceSelectors(List<NamespaceSelector> namespaceSelectors) {
    this.namespaceSelectors = namespaceSelectors;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessFrom other && Objects.equals(namespaceSelectors, other.namespaceSelectors);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(namespaceSelectors);
  }
}
