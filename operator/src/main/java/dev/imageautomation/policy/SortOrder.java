package dev.imageautomation.policy;

import java.util.Locale;

/** {@code order} of the alphabetical and numerical policies. */
public enum SortOrder {
  /** Pick the largest value (the default). */
  ASC,
  /** Pick the smallest value. */
  DESC;

  /**
   * Reads an order as Flux does: case-insensitive, empty or {@code null} meaning {@link #ASC}.
   */
  public static SortOrder parse(String order) throws InvalidPolicyException {
    String upper = order == null ? "" : order.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "", "ASC" -> ASC;
      case "DESC" -> DESC;
      default -> throw new InvalidPolicyException("invalid order argument provided: '" + upper
          + "', must be one of: ASC, DESC");
    };
  }
}
