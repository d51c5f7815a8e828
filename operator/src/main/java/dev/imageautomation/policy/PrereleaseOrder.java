package dev.imageautomation.policy;

/**
 * SemVer §11 ordering of two non-empty pre-release strings, identifier by identifier, without
 * splitting them into new strings (this runs inside the selection loop).
 */
final class PrereleaseOrder {
  private PrereleaseOrder() {}

  static int compare(String left, String right) {
    int leftPos = 0;
    int rightPos = 0;
    while (leftPos <= left.length() || rightPos <= right.length()) {
      int leftEnd = identifierEnd(left, leftPos);
      int rightEnd = identifierEnd(right, rightPos);
      int result = compareIdentifiers(left, leftPos, leftEnd, right, rightPos, rightEnd);
      if (result != 0) {
        return result;
      }
      leftPos = leftEnd + 1;
      rightPos = rightEnd + 1;
    }
    return 0;
  }

  /** End of the identifier at {@code from}; a position past the end yields an empty identifier. */
  private static int identifierEnd(String text, int from) {
    if (from > text.length()) {
      return from;
    }
    int dot = text.indexOf('.', from);
    return dot < 0 ? text.length() : dot;
  }

  private static int compareIdentifiers(
      String left, int leftFrom, int leftTo, String right, int rightFrom, int rightTo) {
    boolean leftMissing = leftFrom >= leftTo;
    boolean rightMissing = rightFrom >= rightTo;
    if (leftMissing || rightMissing) {
      return Boolean.compare(!leftMissing, !rightMissing);
    }
    boolean leftNumeric = isUnsigned64(left, leftFrom, leftTo);
    boolean rightNumeric = isUnsigned64(right, rightFrom, rightTo);
    if (leftNumeric && rightNumeric) {
      return Long.compareUnsigned(
          SemanticVersion.parseUnsigned(left, leftFrom, leftTo),
          SemanticVersion.parseUnsigned(right, rightFrom, rightTo));
    }
    if (leftNumeric != rightNumeric) {
      return leftNumeric ? -1 : 1;
    }
    return compareText(left, leftFrom, leftTo, right, rightFrom, rightTo);
  }

  /** Go's {@code strconv.ParseUint(s, 10, 64)} succeeds: only digits and at most 2^64-1. */
  private static boolean isUnsigned64(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!SemanticVersion.isDigit(text.charAt(i))) {
        return false;
      }
    }
    int significant = from;
    while (significant < to - 1 && text.charAt(significant) == '0') {
      significant++;
    }
    int digits = to - significant;
    return digits < 20 || digits == 20 && text.substring(significant, to).compareTo(MAX_U64) <= 0;
  }

  private static final String MAX_U64 = Long.toUnsignedString(-1L);

  private static int compareText(
      String left, int leftFrom, int leftTo, String right, int rightFrom, int rightTo) {
    int leftLength = leftTo - leftFrom;
    int rightLength = rightTo - rightFrom;
    int common = Math.min(leftLength, rightLength);
    for (int i = 0; i < common; i++) {
      int diff = left.charAt(leftFrom + i) - right.charAt(rightFrom + i);
      if (diff != 0) {
        return diff;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }
}
