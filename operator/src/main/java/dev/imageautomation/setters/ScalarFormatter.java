package dev.imageautomation.setters;

import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Writes a new value in the style of the scalar it replaces.
 *
 * <p>The quoting rule follows Flux (kyaml's {@code IsValueNonString}): a plain value is switched to double
 * quotes when it would load as something other than a string under YAML 1.1 as Go's {@code yaml.v2}
 * resolves it into an {@code interface{}} (null, booleans such as {@code yes}/{@code on}, integers
 * including {@code 0x}/{@code 0o}/{@code 0b} and {@code _} separators, floats such as {@code 1.10} or
 * {@code 1e3}, {@code .inf}/{@code .nan}). That set also covers YAML 1.2's core schema. Timestamps are not
 * quoted, as in Flux, because both loaders give them to Kubernetes as strings. A value that cannot be
 * written plain at all (empty, a leading indicator, {@code ": "}, {@code " #"}, blanks at either end,
 * control characters) is double-quoted too. Quoted scalars keep their own style.
 */
final class ScalarFormatter {
  private static final Set<String> NON_STRING_WORDS = Set.of(
      "", "~", "null", "Null", "NULL",
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
      "true", "True", "TRUE", "false", "False", "FALSE",
      "on", "On", "ON", "off", "Off", "OFF",
      ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
      ".nan", ".NaN", ".NAN", "<<");
  private static final Pattern INTEGER =
      Pattern.compile("[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|[0-9]+)");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?");
  private static final String FLOW_OR_NODE_INDICATORS = ",[]{}#&*!|>'\"%@`";

  private ScalarFormatter() {}

  /** True when {@code value}, written plain, would not load back as this same string. */
  static boolean needsQuotes(String value) {
    return loadsAsNonString(value) || !isPlainSafe(value);
  }

  static boolean loadsAsNonString(String value) {
    if (NON_STRING_WORDS.contains(value)) {
      return true;
    }
    String digits = value.replace("_", "");
    return INTEGER.matcher(digits).matches() || FLOAT.matcher(digits).matches();
  }

  private static boolean isPlainSafe(String value) {
    char first = value.charAt(0);
    if (FLOW_OR_NODE_INDICATORS.indexOf(first) >= 0) {
      return false;
    }
    if ("-?:".indexOf(first) >= 0 && (value.length() == 1 || isBlank(value.charAt(1)))) {
      return false;
    }
    if (isBlank(first) || isBlank(value.charAt(value.length() - 1)) || value.endsWith(":")) {
      return false;
    }
    return !value.contains(": ") && !value.contains(":\t") && !value.contains(" #")
        && !value.contains("\t#") && isPrintableSingleLine(value);
  }

  /** The value as a single-quoted scalar, or double-quoted when single quotes cannot hold it. */
  static String singleQuoted(String value) {
    if (!isPrintableSingleLine(value)) {
      return doubleQuoted(value);
    }
    return "'" + value.replace("'", "''") + "'";
  }

  static String doubleQuoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    value.codePoints().forEach(c -> appendEscaped(out, c));
    return out.append('"').toString();
  }

  /** True when the value has no line break or character YAML must escape. */
  static boolean isPrintableSingleLine(String value) {
    return value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\uFEFF') < 0
        && StreamReader.isPrintable(value) && value.chars().noneMatch(c -> c == 0x85
            || c == 0x2028 || c == 0x2029);
  }

  private static void appendEscaped(StringBuilder out, int c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      case '\r' -> out.append("\\r");
      case 0 -> out.append("\\0");
      default -> {
        if (c == ' ' || (c > ' ' && c != 0x7F && c != 0x85 && c != 0x2028 && c != 0x2029
            && c != 0xFEFF && StreamReader.isPrintable(c))) {
          out.appendCodePoint(c);
        } else if (c <= 0xFF) {
          out.append(String.format("\\x%02X", c));
        } else if (c <= 0xFFFF) {
          out.append(String.format("\\u%04X", c));
        } else {
          out.append(String.format("\\U%08X", c));
        }
      }
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
