package dev.imageautomation.policy;

import java.util.List;

/**
 * Reads every candidate as a float the way Go's {@code strconv.ParseFloat(s, 64)} does and picks
 * the largest ({@code asc}) or smallest ({@code desc}). One unreadable candidate fails the whole
 * selection, as in Flux, so a filter is normally needed. Ties go to the later candidate, and a NaN
 * replaces the current best (Go's comparisons with NaN are false), exactly like Flux's loop.
 *
 * @param order which end wins
 */
public record NumericalPolicy(SortOrder order) implements TagPolicy {

  @Override
  public Selection select(List<String> candidates) {
    if (candidates.isEmpty()) {
      return Selection.NoMatch.noTags();
    }
    String latest = null;
    double latestValue = 0;
    for (String candidate : candidates) {
      double value;
      try {
        value = GoFloat.parse(candidate);
      } catch (NumberFormatException e) {
        return new Selection.InvalidTag(candidate,
            "failed to parse invalid numeric value '" + candidate + "': " + e.getMessage());
      }
      boolean beaten = order == SortOrder.ASC ? value < latestValue : value > latestValue;
      if (latest == null || !beaten) {
        latest = candidate;
        latestValue = value;
      }
    }
    return new Selection.Chosen(latest);
  }
}
