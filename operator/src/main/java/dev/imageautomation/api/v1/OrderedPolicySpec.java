package dev.imageautomation.api.v1;

import java.util.Objects;

/**
 * What the alphabetical and numerical policy choices share: one {@code order}, {@code asc} when absent. The
 * field and its CRD description stay in each subclass, because the descriptions differ (as in Flux).
 */
public abstract class OrderedPolicySpec {

  protected OrderedPolicySpec() {}

  public abstract SortOrder getOrder();

  /** The order in force ({@code asc} when absent). */
  public SortOrder effectiveOrder() {
    SortOrder order = getOrder();
    return order == null ? SortOrder.ASC : order;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(getOrder(), ((OrderedPolicySpec) o).getOrder());
  }

  @Override
  public int hashCode() {
    return Objects.hash(getOrder());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{order=" + getOrder() + "}";
  }
}
