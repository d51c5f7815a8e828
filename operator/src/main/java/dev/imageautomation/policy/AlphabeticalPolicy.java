package dev.imageautomation.policy;

import java.util.List;

/**
 * Orders tags as byte strings (UTF-8, which is code-point order): {@code asc} picks the largest,
 * {@code desc} the smallest. Nothing is parsed, so {@code "9" > "10"} and {@code "a" > "B"}.
 *
 * @param order which end of the order wins
 */
public record AlphabeticalPolicy(SortOrder order) implements TagPolicy {

  @Override
  public Selection select(List<String> candidates) {
    if (candidates.isEmpty()) {
      return Selection.NoMatch.noTags();
    }
    String best = candidates.get(0);
    for (int i = 1; i < candidates.size(); i++) {
      String candidate = candidates.get(i);
      int comparison = compareBytes(candidate, best);
      if (order == SortOrder.ASC ? comparison > 0 : comparison < 0) {
        best = candidate;
      }
    }
    return new Selection.Chosen(best);
  }

  /** Go compares strings byte-wise; for Java strings that is code-point order, not char order. */
  static int compareBytes(String left, String right) {
    int common = Math.min(left.length(), right.length());
    for (int i = 0; i < common; i++) {
      char l = left.charAt(i);
      char r = right.charAt(i);
      if (l != r) {
        if (Character.isSurrogate(l) || Character.isSurrogate(r)) {
          return Integer.compare(left.codePointAt(i), right.codePointAt(i));
        }
        return Character.compare(l, r);
      }
    }
    return Integer.compare(left.length(), right.length());
  }
}
