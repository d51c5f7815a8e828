package dev.imageautomation.policy;

import java.util.Optional;

/**
 * A version as Flux reads an image tag: Masterminds/semver v3 in its default coercing mode, behind
 * fluxcd/pkg's "at least two dots" gate.
 *
 * <p>Accepted: an optional lowercase {@code v}, one to three dot-separated decimal numbers (leading
 * zeros allowed, each up to 2^64-1), an optional {@code -prerelease} and an optional {@code +build},
 * both made of non-empty {@code [0-9A-Za-z-]} identifiers; numeric pre-release identifiers must not
 * have leading zeros. Missing minor/patch count as 0, so {@code 1.2-rc.1} is {@code 1.2.0-rc.1}.
 * Build metadata never takes part in ordering; {@link #original()} keeps the tag as written.
 *
 * @param major major number, an unsigned 64-bit value
 * @param minor minor number, an unsigned 64-bit value
 * @param patch patch number, an unsigned 64-bit value
 * @param prerelease pre-release without its dash, empty when there is none
 * @param original the text the version was read from
 */
public record SemanticVersion(long major, long minor, long patch, String prerelease, String original)
    implements Comparable<SemanticVersion> {

  /** Masterminds v3.5 refuses longer version strings (longer than any OCI tag anyway). */
  static final int MAX_LENGTH = 256;

  /** Reads a tag the way Flux does, or returns empty when Flux would skip it. */
  public static Optional<SemanticVersion> parseTag(String tag) {
    return Optional.ofNullable(parseTagOrNull(tag));
  }

  /** {@code null} when Flux would skip the tag. */
  static SemanticVersion parseTagOrNull(String tag) {
    VersionReader reader = new VersionReader();
    return reader.readTag(tag) ? reader.toVersion() : null;
  }

  /**
   * Parses with Masterminds' coercing grammar (no "two dots" gate); used for the versions inside a
   * range, where {@code 1} and {@code 1.2} are legal.
   */
  static SemanticVersion parseCoercedOrNull(String text) {
    VersionReader reader = new VersionReader();
    return reader.read(text) ? reader.toVersion() : null;
  }

  /** True when this version carries a pre-release part. */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /** SemVer precedence as Masterminds computes it; build metadata is ignored. */
  @Override
  public int compareTo(SemanticVersion other) {
    int byNumbers = compareNumbers(other);
    if (byNumbers != 0) {
      return byNumbers;
    }
    return comparePrereleases(prerelease, other.prerelease);
  }

  int compareNumbers(SemanticVersion other) {
    int result = Long.compareUnsigned(major, other.major);
    if (result == 0) {
      result = Long.compareUnsigned(minor, other.minor);
    }
    if (result == 0) {
      result = Long.compareUnsigned(patch, other.patch);
    }
    return result;
  }

  /**
   * Compares two pre-release strings; an empty string is a release and ranks above any
   * pre-release. Identifiers compare left to right: numbers by value, below any alphanumeric;
   * alphanumerics by ASCII; a shorter list ranks lower. As in Go, a numeric identifier too large
   * for 64 bits compares as alphanumeric text.
   */
  static int comparePrereleases(String left, String right) {
    if (left.equals(right)) {
      return 0;
    }
    if (left.isEmpty()) {
      return 1;
    }
    if (right.isEmpty()) {
      return -1;
    }
    return PrereleaseOrder.compare(left, right);
  }

  static boolean hasTwoDots(String tag) {
    int first = tag.indexOf('.');
    return first >= 0 && tag.indexOf('.', first + 1) >= 0;
  }

  static int digitsEnd(String text, int from) {
    int pos = from;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static final long OVERFLOW = -1L;

  /** Unsigned decimal value of {@code text[from, to)}, or {@link #OVERFLOW} past 2^64-1. */
  static long parseUnsigned(String text, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (Long.compareUnsigned(value, Long.divideUnsigned(-1L, 10)) > 0) {
        return OVERFLOW;
      }
      long shifted = value * 10;
      long next = shifted + digit;
      if (Long.compareUnsigned(next, shifted) < 0) {
        return OVERFLOW;
      }
      value = next;
    }
    return value;
  }

  /** 2^64-1 itself is legal and has the same bits as the overflow marker. */
  static boolean isMaxValue(String text, int from, int to) {
    int start = from;
    while (start < to - 1 && text.charAt(start) == '0') {
      start++;
    }
    return text.substring(start, to).equals(Long.toUnsignedString(-1L));
  }

  /**
   * End of a dot-separated list of non-empty {@code [0-9A-Za-z-]} identifiers starting at {@code
   * from}, or -1 when the list is malformed.
   */
  static int identifiersEnd(String text, int from) {
    int pos = from;
    while (true) {
      int start = pos;
      while (pos < text.length() && isIdentifierChar(text.charAt(pos))) {
        pos++;
      }
      if (pos == start) {
        return -1;
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        continue;
      }
      return pos;
    }
  }

  static boolean isIdentifierChar(char c) {
    return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';
  }

  /** SemVer forbids leading zeros in numeric pre-release identifiers; Masterminds enforces it. */
  static boolean numericIdentifiersWellFormed(String text, int from, int to) {
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        boolean numeric = digitsEnd(text, start) == i;
        if (numeric && i - start > 1 && text.charAt(start) == '0') {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }
}
