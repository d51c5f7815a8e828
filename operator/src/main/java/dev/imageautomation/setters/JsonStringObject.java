package dev.imageautomation.setters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A strict reader for the one JSON shape a marker may have: an object whose values are all strings.
 *
 * <p>Hand-written on purpose: Flux decodes the comment with Go's {@code json.Unmarshal} into a
 * {@code map[string]string}, so anything else (a number, {@code null}, a nested object, trailing text,
 * single quotes) must make the comment "no marker". A general JSON or YAML library would need the same
 * checks on top, and the layering keeps this package free of JSON libraries.
 */
final class JsonStringObject {
  private final String text;
  private int pos;

  private JsonStringObject(String text) {
    this.text = text;
  }

  /** The object's entries (last duplicate wins, as in Go), or empty when the text is not such an object. */
  static Optional<Map<String, String>> parse(String text) {
    try {
      return Optional.of(new JsonStringObject(text).object());
    } catch (IllegalArgumentException notAStringObject) {
      return Optional.empty();
    }
  }

  private Map<String, String> object() {
    Map<String, String> entries = new LinkedHashMap<>();
    skipWhitespace();
    expect('{');
    skipWhitespace();
    if (peek() == '}') {
      pos++;
    } else {
      do {
        skipWhitespace();
        String key = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        entries.put(key, string());
        skipWhitespace();
      } while (consume(','));
      expect('}');
    }
    skipWhitespace();
    if (pos != text.length()) {
      throw new IllegalArgumentException("trailing text");
    }
    return entries;
  }

  private String string() {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return value.toString();
      } else if (c == '\\') {
        value.append(escape());
      } else if (c < 0x20) {
        throw new IllegalArgumentException("control character in string");
      } else {
        value.append(c);
      }
    }
  }

  private char escape() {
    char c = next();
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> throw new IllegalArgumentException("bad escape");
    };
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) {
      throw new IllegalArgumentException("short unicode escape");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos++), 16);
      if (digit < 0) {
        throw new IllegalArgumentException("bad unicode escape");
      }
      code = code * 16 + digit;
    }
    return (char) code;
  }

  private void skipWhitespace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean consume(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw new IllegalArgumentException("expected " + c);
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw new IllegalArgumentException("unexpected end");
    }
    return text.charAt(pos++);
  }
}
