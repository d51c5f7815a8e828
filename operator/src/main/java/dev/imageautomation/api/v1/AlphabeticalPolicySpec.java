package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Selects the first or last tag in byte-wise alphabetical order. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlphabeticalPolicySpec extends OrderedPolicySpec {

  @Default("asc")
  @JsonPropertyDescription(
      "Order specifies the sorting order of the tags. Given the letters of the alphabet as tags, "
          + "ascending order would select Z, and descending order would select A.")
  private SortOrder order;

  public AlphabeticalPolicySpec() {}

  @Override
  public SortOrder getOrder() {
    return order;
  }

  public void setOrder(SortOrder order) {
    this.order = order;
  }
}
