package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A reference from an ImageUpdateAutomation to the GitRepository it writes to. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CrossNamespaceSourceReference {

  @JsonPropertyDescription(
      "API version of the referent.")
  private String apiVersion;

  @Required
  @Default("GitRepository")
  @JsonPropertyDescription(
      "Kind of the referent.")
  private SourceKind kind;

  @Required
  @JsonPropertyDescription(
      "Name of the referent.")
  private String name;

  @JsonPropertyDescription(
      "Namespace of the referent, defaults to the namespace of the Kubernetes resource object that "
          + "contains the reference.")
  private String namespace;

  public CrossNamespaceSourceReference() {}

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public SourceKind getKind() {
    return kind;
  }

  public void setKind(SourceKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  /** The namespace to look in: the given one, else {@code ownNamespace} (the automation's). */
  public String namespaceOr(String ownNamespace) {
    return namespace == null || namespace.isEmpty() ? ownNamespace : namespace;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CrossNamespaceSourceReference other)) {
      return false;
    }
    return Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(kind, other.kind)
        && Objects.equals(name, other.name)
        && Objects.equals(namespace, other.namespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, name, namespace);
  }

  @Override
  public String toString() {
    return "CrossNamespaceSourceReference{"
        + "apiVersion=" + apiVersion + ", "
        + "kind=" + kind + ", "
        + "name=" + name + ", "
        + "namespace=" + namespace
        + "}";
  }
}
