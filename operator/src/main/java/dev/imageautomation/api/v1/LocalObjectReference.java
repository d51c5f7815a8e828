package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * A reference to an object in the same namespace as the referrer (Flux {@code meta.LocalObjectReference}).
 * Our own type rather than fabric8's, because Flux marks {@code name} as required in the schema.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocalObjectReference {

  @Required
  @JsonPropertyDescription("Name of the referent.")
  private String name;

  public LocalObjectReference() {}

  public LocalObjectReference(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalObjectReference other && Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }

  @Override
  public String toString() {
    return "LocalObjectReference{name=" + name + "}";
  }
}
