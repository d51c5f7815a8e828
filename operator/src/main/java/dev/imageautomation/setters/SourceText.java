package dev.imageautomation.setters;

/**
 * The text of one YAML file with the position arithmetic the rewriter needs.
 *
 * <p>SnakeYAML Engine's marks count Unicode code points; Java strings index UTF-16 units. A text without
 * surrogate pairs maps one to one; otherwise offsets are walked from the last one asked, which is cheap
 * because the rewriter asks in document order.
 */
final class SourceText {
  private final String text;
  private final boolean oneUnitPerCodePoint;
  private int lastCodePoint;
  private int lastChar;

  SourceText(String text) {
    this.text = text;
    this.oneUnitPerCodePoint = text.codePoints().noneMatch(Character::isSupplementaryCodePoint);
  }

  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  char charAt(int index) {
    return text.charAt(index);
  }

  String substring(int start, int end) {
    return text.substring(start, end);
  }

  /** The {@code char} index of a code-point index taken from a SnakeYAML mark. */
  int charIndex(int codePointIndex) {
    if (oneUnitPerCodePoint) {
      return codePointIndex;
    }
    lastChar = text.offsetByCodePoints(lastChar, codePointIndex - lastCodePoint);
    lastCodePoint = codePointIndex;
    return lastChar;
  }

  /** Index of the line break ending the line that holds {@code index}, or the text length. */
  int lineEnd(int index) {
    int i = index;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** Index of the first character of the line that holds {@code index}. */
  int lineStart(int index) {
    int i = index;
    while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
      i--;
    }
    return i;
  }

  /** Start of the line before the line starting at {@code lineStart}, or -1 on the first line. */
  int previousLineStart(int lineStart) {
    if (lineStart == 0) {
      return -1;
    }
    int end = lineStart - 1;
    if (text.charAt(end) == '\n' && end > 0 && text.charAt(end - 1) == '\r') {
      end--;
    }
    return lineStart(end);
  }

  /** The line break at {@code index} ({@code \r\n}, {@code \n} or {@code \r}), or empty at the end. */
  String lineBreakAt(int index) {
    if (index >= text.length()) {
      return "";
    }
    if (text.startsWith("\r\n", index)) {
      return "\r\n";
    }
    return String.valueOf(text.charAt(index));
  }

  /** Index of the first character after spaces and tabs from {@code index}. */
  int skipBlanks(int index) {
    int i = index;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /**
   * The comment that follows {@code index} on the same line after optional blanks, from its {@code #}
   * to the end of the line, or null when the rest of the line is not a comment.
   */
  String commentAfter(int index) {
    int hash = skipBlanks(index);
    if (hash < text.length() && text.charAt(hash) == '#') {
      return text.substring(hash, lineEnd(hash));
    }
    return null;
  }

  /** True when the line holding {@code index} holds nothing but blanks and a comment. */
  boolean isCommentLine(int index) {
    int first = skipBlanks(lineStart(index));
    return first < text.length() && text.charAt(first) == '#';
  }
}
