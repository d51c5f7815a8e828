package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/** Selects the first or last tag in byte-wise alphabetical order. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlphabeticalPolicySpec {

  @Default("asc")
  @JsonPropertyDescription(
      "Order specifies the sorting order of the tags. Given the letters of the alphabet as tags, "
          + "ascending order would select Z, and descending order would select A.")
  private SortOrder order;

  public AlphabeticalPolicySpec() {}

  public SortOrder getOrder() {
    return order;
  }

  public void setOrder(SortOrder order) {
    this.order = order;
  }

  /** The order in force ({@code asc} when absent). */
  public SortOrder effectiveOrder() {
    return order == null ? SortOrder.ASC : order;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AlphabeticalPolicySpec other)) {
      return false;
    }
    return Objects.equals(order, other.order);
  }

  @Override
  public int hashCode() {
    return Objects.hash(order);
  }

  @Override
  public String toString() {
    return "AlphabeticalPolicySpec{"
        + "order=" + order
        + "}";
  }
}
