package dev.imageautomation.policy;

/**
 * Go's {@code strconv.ParseFloat(s, 64)}: the syntax check is ours (Go's grammar), the rounding is
 * the JDK's ({@link Double#parseDouble}, correctly rounded like Go) on a normalised copy.
 *
 * <p>Accepted: optional sign; {@code inf}, {@code infinity} or (unsigned) {@code nan} in any case;
 * decimal mantissas with at most one dot and at least one digit ({@code 5.}, {@code .5}), optional
 * {@code e} exponent; hexadecimal mantissas after {@code 0x} that must have a {@code p} exponent;
 * underscores only between digits (or after {@code 0x}). Overflow is an error; underflow gives 0.
 */
final class GoFloat {
  /** Go stops accumulating exponent digits here; we clamp the same way. */
  private static final int EXPONENT_CAP = 10_000;

  private GoFloat() {}

  static double parse(String text) {
    double plain = plainInteger(text);
    if (!Double.isNaN(plain)) {
      return plain;
    }
    Double special = special(text);
    if (special != null) {
      return special;
    }
    Syntax syntax = new Syntax(text);
    String normalised = syntax.normalise();
    double value = Double.parseDouble(normalised);
    if (Double.isInfinite(value)) {
      throw new NumberFormatException("value out of range");
    }
    return value;
  }

  /** Longest digit run that is always exact in a double (below 2^53). */
  private static final int EXACT_DIGITS = 15;

  /**
   * Fast path for the common tag shape, an optionally signed run of at most 15 decimal digits,
   * which Go parses to the exact integer; NaN when the text has any other shape.
   */
  private static double plainInteger(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > EXACT_DIGITS) {
      return Double.NaN;
    }
    long value = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Double.NaN;
      }
      value = value * 10 + (c - '0');
    }
    double result = value;
    return start == 1 && text.charAt(0) == '-' ? -result : result;
  }

  private static Double special(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    String word = text.substring(start);
    if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
      return text.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (start == 0 && word.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    return null;
  }

  /** One pass over the text following Go's {@code readFloat}, building a JDK-parsable copy. */
  private static final class Syntax {
    private final String text;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private boolean hex;
    private boolean underscores;

    Syntax(String text) {
      this.text = text;
    }

    String normalise() {
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        out.append(text.charAt(pos++));
      }
      if (pos + 2 < text.length() && text.charAt(pos) == '0'
          && (text.charAt(pos + 1) == 'x' || text.charAt(pos + 1) == 'X')) {
        hex = true;
        out.append("0x");
        pos += 2;
      }
      mantissa();
      exponent();
      if (pos != text.length()) {
        throw invalid();
      }
      if (underscores && !underscoresBetweenDigits()) {
        throw invalid();
      }
      return out.toString();
    }

    private void mantissa() {
      boolean dot = false;
      boolean digits = false;
      for (; pos < text.length(); pos++) {
        char c = text.charAt(pos);
        if (c == '_') {
          underscores = true;
        } else if (c == '.' && !dot) {
          dot = true;
          out.append(c);
        } else if (isMantissaDigit(c)) {
          digits = true;
          out.append(c);
        } else {
          break;
        }
      }
      if (!digits) {
        throw invalid();
      }
    }

    private void exponent() {
      char marker = hex ? 'p' : 'e';
      if (pos >= text.length() || Character.toLowerCase(text.charAt(pos)) != marker) {
        if (hex) {
          throw invalid();
        }
        return;
      }
      pos++;
      boolean negative = false;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        negative = text.charAt(pos++) == '-';
      }
      if (pos >= text.length() || !SemanticVersion.isDigit(text.charAt(pos))) {
        throw invalid();
      }
      int value = 0;
      for (; pos < text.length(); pos++) {
        char c = text.charAt(pos);
        if (c == '_') {
          underscores = true;
        } else if (SemanticVersion.isDigit(c)) {
          value = value < EXPONENT_CAP ? value * 10 + (c - '0') : value;
        } else {
          break;
        }
      }
      out.append(marker).append(negative ? "-" : "").append(value);
    }

    private boolean isMantissaDigit(char c) {
      return SemanticVersion.isDigit(c) || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }

    /** Go's {@code underscoreOK}: each underscore sits between digits (a base prefix counts). */
    private boolean underscoresBetweenDigits() {
      int i = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
      char saw = '^';
      if (hex) {
        i += 2;
        saw = '0';
      }
      for (; i < text.length(); i++) {
        char c = text.charAt(i);
        if (SemanticVersion.isDigit(c) || hex && isMantissaDigit(c)) {
          saw = '0';
        } else if (c == '_') {
          if (saw != '0') {
            return false;
          }
          saw = '_';
        } else if (saw == '_') {
          return false;
        } else {
          saw = '!';
        }
      }
      return saw != '_';
    }

    private NumberFormatException invalid() {
      return new NumberFormatException("invalid syntax");
    }
  }
}
