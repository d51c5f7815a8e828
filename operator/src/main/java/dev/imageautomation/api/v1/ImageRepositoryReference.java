package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A reference from an ImagePolicy to an ImageRepository, optionally in another namespace. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageRepositoryReference {

  @Required
  @JsonPropertyDescription(
      "Name of the referent.")
  private String name;

  @JsonPropertyDescription(
      "Namespace of the referent, when not specified it acts as LocalObjectReference.")
  private String namespace;

  public ImageRepositoryReference() {}

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

  /** The namespace to look in: the given one, else {@code ownNamespace} (the policy's). */
  public String namespaceOr(String ownNamespace) {
    return namespace == null || namespace.isEmpty() ? ownNamespace : namespace;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImageRepositoryReference other)) {
      return false;
    }
    return Objects.equals(name, other.name)
        && Objects.equals(namespace, other.namespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, namespace);
  }

  @Override
  public String toString() {
    return "ImageRepositoryReference{"
        + "name=" + name + ", "
        + "namespace=" + namespace
        + "}";
  }
}
