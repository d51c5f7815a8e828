package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/** Selects the highest or lowest tag read as a number. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NumericalPolicySpec {

  @Default("asc")
  @JsonPropertyDescription(
      "Order specifies the sorting order of the tags. Given the integer values from 0 to 9 as tags, "
          + "ascending order would select 9, and descending order would select 0.")
  private SortOrder order;

  public NumericalPolicySpec() {}

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
    if (!(o instanceof NumericalPolicySpec other)) {
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
    return "NumericalPolicySpec{"
        + "order=" + order
        + "}";
  }
}
