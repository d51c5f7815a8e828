package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Selects the highest or lowest tag read as a number. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NumericalPolicySpec extends OrderedPolicySpec {

  @Default("asc")
  @JsonPropertyDescription(
      "Order specifies the sorting order of the tags. Given the integer values from 0 to 9 as tags, "
          + "ascending order would select 9, and descending order would select 0.")
  private SortOrder order;

  public NumericalPolicySpec() {}

  @Override
  public SortOrder getOrder() {
    return order;
  }

  public void setOrder(SortOrder order) {
    this.order = order;
  }
}
