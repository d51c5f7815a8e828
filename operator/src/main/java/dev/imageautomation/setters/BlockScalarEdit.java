package dev.imageautomation.setters;

import java.util.List;

/**
 * Rewrites a literal ({@code |}) or folded ({@code >}) scalar in place: its content lines become the
 * new value at the content's own indentation, and the indicators become just {@code -} (strip) so the
 * scalar loads as exactly the new value (Flux writes {@code |-} too). The header line, its comment (the
 * marker) and any blank lines after the content keep their bytes. A value a block scalar cannot hold
 * (line breaks, leading blanks, unprintable characters) is written double-quoted on the header line
 * instead.
 */
final class BlockScalarEdit {
  private BlockScalarEdit() {}

  /** Index just after the header's indicators ({@code |}, {@code >}, chomping, indentation). */
  static int headerEnd(SourceText source, int start) {
    int i = start + 1;
    while (i < source.length() && "+-0123456789".indexOf(source.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** The edits replacing the block scalar {@code [start, end)} by {@code value}. */
  static List<TextEdit> edits(SourceText source, int start, int end, String value) {
    int headerEnd = headerEnd(source, start);
    int headerLineEnd = source.lineEnd(headerEnd);
    String lineBreak = source.lineBreakAt(headerLineEnd);
    int contentStart = headerLineEnd + lineBreak.length();
    int contentEnd = lastContentLineEnd(source, contentStart, end);
    if (!fitsBlock(value)) {
      TextEdit header = new TextEdit(start, headerEnd, ScalarFormatter.doubleQuoted(value));
      return contentEnd > contentStart
          ? List.of(header, new TextEdit(contentStart, contentEnd, ""))
          : List.of(header);
    }
    // An explicit indentation indicator is dropped: the value has no leading blank, so the content's
    // own indentation is detected correctly, and the old digit may not fit the kept indentation.
    TextEdit indicators = new TextEdit(start + 1, headerEnd, "-");
    String indent = " ".repeat(indentation(source, start, contentStart, contentEnd));
    if (contentEnd > contentStart) {
      String content = value.isEmpty() ? "" : indent + value;
      return List.of(indicators, new TextEdit(contentStart, contentEnd, content));
    }
    if (value.isEmpty()) {
      return List.of(indicators);
    }
    String content = lineBreak.isEmpty()
        ? lineBreakOf(source) + indent + value
        : indent + value + lineBreak;
    return List.of(indicators, new TextEdit(contentStart, contentStart, content));
  }

  /** End of the last content line holding a non-blank character, or {@code contentStart} if none. */
  private static int lastContentLineEnd(SourceText source, int contentStart, int end) {
    int i = Math.min(end, source.length()) - 1;
    while (i >= contentStart && Character.isWhitespace(source.charAt(i))) {
      i--;
    }
    return i < contentStart ? contentStart : source.lineEnd(i);
  }

  private static int indentation(SourceText source, int start, int contentStart, int contentEnd) {
    for (int line = contentStart; line < contentEnd; line = source.lineEnd(line) + 1) {
      int first = source.skipBlanks(line);
      if (first < source.lineEnd(line)) {
        return first - line;
      }
    }
    int lineStart = source.lineStart(start);
    int column = source.skipBlanks(lineStart);
    while (source.charAt(column) == '-' && column + 1 < start && source.charAt(column + 1) == ' ') {
      column = source.skipBlanks(column + 1);
    }
    return column - lineStart + 2;
  }

  private static boolean fitsBlock(String value) {
    return ScalarFormatter.isPrintableSingleLine(value)
        && (value.isEmpty() || (value.charAt(0) != ' ' && value.charAt(0) != '\t'
            && value.charAt(value.length() - 1) != ' ' && value.charAt(value.length() - 1) != '\t'));
  }

  private static String lineBreakOf(SourceText source) {
    return source.text().contains("\r\n") ? "\r\n" : "\n";
  }
}
