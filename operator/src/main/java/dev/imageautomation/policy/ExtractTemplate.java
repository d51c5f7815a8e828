package dev.imageautomation.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code filterTags.extract} template, compiled once against its pattern with Go's {@code
 * Regexp.Expand} rules: {@code $$} is a dollar; {@code $name} takes the longest run of letters,
 * digits and underscores ({@code $1x} is the group named {@code 1x}, not group 1 then "x"); {@code
 * ${name}} delimits it; a name that is a number without leading zeros is a group index; unknown or
 * unmatched groups expand to nothing; a {@code $} not followed by a valid name stays literal.
 * (Java's {@code Matcher.appendReplacement} differs on most of these, hence this class.)
 */
final class ExtractTemplate {
  private static final int NO_GROUP = -1;

  /** Literal text, or a group reference when {@code group >= 0}. */
  private record Piece(String literal, int group) {}

  private final List<Piece> pieces;

  private ExtractTemplate(List<Piece> pieces) {
    this.pieces = List.copyOf(pieces);
  }

  static ExtractTemplate compile(String template, Pattern pattern) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int pos = 0;
    while (pos < template.length()) {
      int dollar = template.indexOf('$', pos);
      if (dollar < 0) {
        literal.append(template, pos, template.length());
        break;
      }
      literal.append(template, pos, dollar);
      pos = dollar + 1;
      if (pos < template.length() && template.charAt(pos) == '$') {
        literal.append('$');
        pos++;
        continue;
      }
      Reference reference = Reference.read(template, pos);
      if (reference == null) {
        literal.append('$');
        continue;
      }
      pos = reference.end();
      int group = groupIndex(reference.name(), pattern);
      if (group != NO_GROUP) {
        pieces.add(new Piece(literal.toString(), NO_GROUP));
        literal.setLength(0);
        pieces.add(new Piece("", group));
      }
    }
    pieces.add(new Piece(literal.toString(), NO_GROUP));
    pieces.removeIf(piece -> piece.group() == NO_GROUP && piece.literal().isEmpty());
    return new ExtractTemplate(pieces);
  }

  /** Expands the template for the current match of {@code matcher}. */
  String expand(Matcher matcher) {
    if (pieces.size() == 1) {
      Piece only = pieces.get(0);
      if (only.group() == NO_GROUP) {
        return only.literal();
      }
      String value = matcher.group(only.group());
      return value == null ? "" : value;
    }
    StringBuilder out = new StringBuilder();
    for (Piece piece : pieces) {
      if (piece.group() == NO_GROUP) {
        out.append(piece.literal());
      } else {
        String value = matcher.group(piece.group());
        if (value != null) {
          out.append(value);
        }
      }
    }
    return out.toString();
  }

  private static int groupIndex(String name, Pattern pattern) {
    int number = groupNumber(name);
    if (number >= 0) {
      return number <= pattern.groupCount() ? number : NO_GROUP;
    }
    Map<String, Integer> named = pattern.namedGroups();
    Integer index = named.get(name);
    return index == null ? NO_GROUP : index;
  }

  /** Go: a name of digits only, no leading zero, below 10^8 is a group number; else -1. */
  private static int groupNumber(String name) {
    if (name.length() > 1 && name.charAt(0) == '0') {
      return -1;
    }
    int number = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!SemanticVersion.isDigit(c) || number >= 100_000_000) {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  /** A name after {@code $}, bare or in braces, and where the template continues after it. */
  private record Reference(String name, int end) {

    static Reference read(String template, int from) {
      boolean brace = from < template.length() && template.charAt(from) == '{';
      int start = brace ? from + 1 : from;
      int end = start;
      while (end < template.length()) {
        int codePoint = template.codePointAt(end);
        if (!Character.isLetter(codePoint) && !Character.isDigit(codePoint) && codePoint != '_') {
          break;
        }
        end += Character.charCount(codePoint);
      }
      if (end == start) {
        return null;
      }
      String name = template.substring(start, end);
      if (brace) {
        if (end >= template.length() || template.charAt(end) != '}') {
          return null;
        }
        end++;
      }
      return new Reference(name, end);
    }
  }
}
