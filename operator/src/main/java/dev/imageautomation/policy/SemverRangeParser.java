package dev.imageautomation.policy;

import dev.imageautomation.policy.SemverRange.ConstraintGroup;
import dev.imageautomation.policy.VersionConstraint.Wildcard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written parser for Masterminds/semver v3 range syntax, accepting exactly what its
 * regular-expression grammar accepts, with errors that name the offending token.
 *
 * <pre>
 * range := group ("||" group)*
 * group := ws* term (sep term)* ws*          sep := ws+ | ws* "," ws*
 * term  := op ws* version
 * op    := "" | "=" | "!=" | "&gt;" | "&lt;" | "&gt;=" | "=&gt;" | "&lt;=" | "=&lt;" | "~" | "~&gt;" | "^"
 * version := "v"? part ("." part)? ("." part)? ("-" ids)? ("+" ids)?
 * </pre>
 *
 * <p>Hyphen ranges are expanded first, textually, by {@link HyphenRanges}. Whitespace is Go's {@code \s}: space, tab, newline, form feed, carriage return.
 */
final class SemverRangeParser {
  private static final String[] OPERATORS = {"!=", ">=", "=>", "<=", "=<", "~>", "=", ">", "<", "~", "^"};

  /** Masterminds v3.5 limits, kept so that what Flux refuses we refuse too. */
  private static final int MAX_LENGTH = 512;

  private static final int MAX_GROUPS = 32;

  private final String written;
  private final String text;
  private int pos;
  private int groupEnd;

  SemverRangeParser(String written) {
    this.written = written;
    this.text = HyphenRanges.expand(written);
  }

  SemverRange parse() throws InvalidPolicyException {
    if (written.isBlank()) {
      throw new InvalidPolicyException("improper constraint: \"" + written + "\": the range is"
          + " empty");
    }
    if (written.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
      throw new InvalidPolicyException("improper constraint: the range is longer than "
          + MAX_LENGTH + " bytes");
    }
    List<ConstraintGroup> groups = new ArrayList<>();
    int groupStart = 0;
    while (true) {
      int bar = text.indexOf("||", groupStart);
      groupEnd = bar < 0 ? text.length() : bar;
      groups.add(parseGroup(groupStart));
      if (bar < 0) {
        return new SemverRange(written, groups);
      }
      if (groups.size() == MAX_GROUPS) {
        throw new InvalidPolicyException("improper constraint: \"" + written + "\": more than "
            + MAX_GROUPS + " alternatives joined by \"||\"");
      }
      groupStart = bar + 2;
    }
  }

  private ConstraintGroup parseGroup(int start) throws InvalidPolicyException {
    pos = start;
    skipWhitespace();
    if (pos >= groupEnd) {
      throw error("an alternative between \"||\" is empty", start);
    }
    List<VersionConstraint> constraints = new ArrayList<>();
    while (true) {
      constraints.add(parseTerm());
      int separatorStart = pos;
      skipWhitespace();
      if (pos >= groupEnd) {
        return new ConstraintGroup(constraints);
      }
      if (charAt(pos) == ',') {
        pos++;
        skipWhitespace();
      } else if (pos == separatorStart) {
        throw error("unexpected \"" + tokenAt(pos) + "\" (constraints are separated by"
            + " spaces or commas)", pos);
      }
      if (pos >= groupEnd) {
        throw error("a constraint is missing after \",\"", pos);
      }
    }
  }

  private VersionConstraint parseTerm() throws InvalidPolicyException {
    int termStart = pos;
    String operator = readOperator();
    skipWhitespace();
    int versionStart = pos;
    if (pos < groupEnd && charAt(pos) == '-') {
      throw error("unexpected \"-\": a hyphen range is written \"A - B\" with spaces and no"
          + " operator, first in the range or after a comma", termStart);
    }
    return constraint(operator, readVersion(), versionStart);
  }

  private String readOperator() {
    for (String operator : OPERATORS) {
      if (text.startsWith(operator, pos) && pos + operator.length() <= groupEnd) {
        pos += operator.length();
        return operator;
      }
    }
    return "";
  }

  /** Consumes the lexical shape of a constraint version; meaning is checked in {@link #constraint}. */
  private String readVersion() throws InvalidPolicyException {
    int start = pos;
    if (pos < groupEnd && charAt(pos) == 'v') {
      pos++;
    }
    for (int part = 0; part < 3; part++) {
      if (part > 0) {
        if (pos + 1 < groupEnd && charAt(pos) == '.' && isPartChar(charAt(pos + 1))) {
          pos++;
        } else {
          break;
        }
      }
      int partStart = pos;
      while (pos < groupEnd && isPartChar(charAt(pos))) {
        pos++;
      }
      if (pos == partStart) {
        throw error("expected a version at " + describe(start), start);
      }
    }
    readIdentifiers('-', start);
    readIdentifiers('+', start);
    if (pos < groupEnd && !isWhitespace(charAt(pos)) && charAt(pos) != ',') {
      throw error("\"" + tokenAt(start) + "\" is not a version", start);
    }
    return text.substring(start, pos);
  }

  private void readIdentifiers(char marker, int versionStart) throws InvalidPolicyException {
    if (pos >= groupEnd || charAt(pos) != marker) {
      return;
    }
    pos++;
    do {
      int identifierStart = pos;
      while (pos < groupEnd && SemanticVersion.isIdentifierChar(charAt(pos))) {
        pos++;
      }
      if (pos == identifierStart) {
        throw error("\"" + tokenAt(versionStart) + "\" has an empty pre-release or build"
            + " identifier", versionStart);
      }
    } while (pos < groupEnd && charAt(pos) == '.' && ++pos > 0);
  }

  private VersionConstraint constraint(String operator, String version, int at)
      throws InvalidPolicyException {
    String body = version.startsWith("v") ? version.substring(1) : version;
    int suffix = firstIndexOf(body, '-', '+');
    String numbers = suffix < 0 ? body : body.substring(0, suffix);
    String prerelease = prereleaseOf(body, suffix);
    String[] parts = numbers.split("\\.", -1);
    Wildcard wildcard = wildcardOf(parts);
    long[] values = new long[3];
    int exact = switch (wildcard) {
      case MAJOR -> 0;
      case MINOR -> 1;
      case PATCH -> 2;
      case NONE -> 3;
    };
    for (int i = 0; i < exact; i++) {
      values[i] = numericPart(parts[i], version, at);
    }
    if (goVersionLength(version, parts, exact, prerelease) > SemanticVersion.MAX_LENGTH) {
      throw error("\"" + version + "\" is longer than " + SemanticVersion.MAX_LENGTH
          + " characters", at);
    }
    SemanticVersion parsed = SemanticVersion.parseCoercedOrNull(
        Long.toUnsignedString(values[0]) + "." + Long.toUnsignedString(values[1]) + "."
            + Long.toUnsignedString(values[2]) + (prerelease.isEmpty() ? "" : "-" + prerelease));
    if (parsed == null) {
      throw error("\"" + version + "\" has a numeric pre-release identifier with a leading zero",
          at);
    }
    String written = operator + version;
    return new VersionConstraint(ConstraintOperator.forSymbol(operator), parsed, wildcard, written);
  }

  /** Length of the string Masterminds builds from the constraint and hands to NewVersion. */
  private static int goVersionLength(String token, String[] parts, int exact, String prerelease) {
    int dashed = prerelease.isEmpty() ? 0 : prerelease.length() + 1;
    return switch (exact) {
      case 0 -> "0.0.0".length() + dashed;
      case 1 -> parts[0].length() + ".0.0".length() + dashed;
      case 2 -> parts[0].length() + 1 + parts[1].length() + ".0".length() + dashed;
      default -> token.length();
    };
  }

  private static Wildcard wildcardOf(String[] parts) {
    if (isWildcard(parts[0])) {
      return Wildcard.MAJOR;
    }
    if (parts.length < 2 || isWildcard(parts[1])) {
      return Wildcard.MINOR;
    }
    if (parts.length < 3 || isWildcard(parts[2])) {
      return Wildcard.PATCH;
    }
    return Wildcard.NONE;
  }

  private static boolean isWildcard(String part) {
    return part.equals("x") || part.equals("X") || part.equals("*");
  }

  private long numericPart(String part, String version, int at) throws InvalidPolicyException {
    for (int i = 0; i < part.length(); i++) {
      if (!SemanticVersion.isDigit(part.charAt(i))) {
        throw error("\"" + version + "\" is not a version: \"" + part + "\" is neither a number"
            + " nor one of x, X, *", at);
      }
    }
    try {
      return Long.parseUnsignedLong(part);
    } catch (NumberFormatException tooLarge) {
      throw error("\"" + version + "\" has a number larger than 2^64-1", at);
    }
  }

  private static String prereleaseOf(String body, int suffix) {
    if (suffix < 0 || body.charAt(suffix) != '-') {
      return "";
    }
    int build = body.indexOf('+', suffix);
    return body.substring(suffix + 1, build < 0 ? body.length() : build);
  }

  private static int firstIndexOf(String text, char first, char second) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == first || text.charAt(i) == second) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isPartChar(char c) {
    return SemanticVersion.isDigit(c) || c == 'x' || c == 'X' || c == '*' || c == '|';
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private void skipWhitespace() {
    while (pos < groupEnd && isWhitespace(charAt(pos))) {
      pos++;
    }
  }

  private char charAt(int index) {
    return text.charAt(index);
  }

  /** The run of non-separator characters starting at {@code from}, to name it in a message. */
  private String tokenAt(int from) {
    int end = from;
    while (end < groupEnd && !isWhitespace(charAt(end)) && charAt(end) != ',') {
      end++;
    }
    return end == from && from < text.length() ? text.substring(from, from + 1)
        : text.substring(from, end);
  }

  private String describe(int from) {
    if (from >= text.length()) {
      return "the end of the range";
    }
    return from >= groupEnd ? "\"||\"" : "\"" + tokenAt(from) + "\"";
  }

  private InvalidPolicyException error(String detail, int at) {
    String where = text.equals(written) ? "\"" + written + "\""
        : "\"" + written + "\" (read as \"" + text + "\" after expanding hyphen ranges)";
    return new InvalidPolicyException(
        "improper constraint: " + where + ": " + detail + " (at offset " + at + ")");
  }
}
