package dev.imageautomation.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Formats one value for one verb as Go's {@code fmt} does: {@code map[a:1 b:2]} with sorted keys,
 * {@code [a b]} for slices, {@code {f1 f2}} for structs, Stringers through {@code String()}, and
 * {@code %!d(string=x)} for verbs that do not fit the value.
 */
final class GoValueFormat {
    private GoValueFormat() {
    }

    static String format(Object raw, char verb, FormatSpec requested) {
        Object value = GoValues.normalize(raw);
        FormatSpec spec = requested.forVerb(verb);
        if (verb == 'T') {
            return spec.pad(value == null ? "<nil>" : GoValues.typeName(value), false);
        }
        if (value == null) {
            return verb == 'v' ? spec.pad("<nil>", false) : "%!" + verb + "(<nil>)";
        }
        if (value instanceof GoStringer stringer && "vsxXq".indexOf(verb) >= 0) {
            return formatString(stringer.goString(), verb, spec, value);
        }
        if (value instanceof String s) {
            return formatString(s, verb, spec, value);
        }
        if (value instanceof Boolean b) {
            return verb == 'v' || verb == 't' ? spec.pad(b.toString(), false) : badVerb(verb, value);
        }
        if (value instanceof Long l) {
            return formatInteger(l, verb, spec);
        }
        if (value instanceof Double d) {
            return formatFloat(d, verb, spec);
        }
        return formatComposite(value, verb, spec);
    }

    private static String formatComposite(Object value, char verb, FormatSpec spec) {
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                b.append(i > 0 ? " " : "").append(format(list.get(i), verb, spec));
            }
            return b.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("map[");
            boolean first = true;
            for (Map.Entry<Object, ?> e : GoOrdering.sortedEntries(map)) {
                b.append(first ? "" : " ").append(format(e.getKey(), verb, spec)).append(':')
                        .append(format(e.getValue(), verb, spec));
                first = false;
            }
            return b.append(']').toString();
        }
        if (value.getClass().isRecord()) {
            return formatStruct(value, verb, spec);
        }
        return verb == 'v' || verb == 's' ? spec.pad(value.toString(), false) : badVerb(verb, value);
    }

    private static String formatStruct(Object value, char verb, FormatSpec spec) {
        List<Object> fields = FieldResolver.componentValues(value);
        List<String> names = FieldResolver.componentNames(value.getClass());
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            b.append(i > 0 ? " " : "");
            if (spec.plusV()) {
                String name = names.get(i);
                b.append(Character.toUpperCase(name.charAt(0))).append(name.substring(1)).append(':');
            }
            b.append(format(fields.get(i), verb, spec));
        }
        return b.append('}').toString();
    }

    private static String formatString(String s, char verb, FormatSpec spec, Object original) {
        String text = s;
        if (spec.precision() >= 0 && "vsq".indexOf(verb) >= 0 && text.codePointCount(0, text.length()) > spec.precision()) {
            text = text.substring(0, text.offsetByCodePoints(0, spec.precision()));
        }
        return switch (verb) {
            case 'v', 's' -> spec.pad(text, false);
            case 'q' -> spec.pad(spec.sharp() && !text.contains("`") ? "`" + text + "`" : GoQuote.quote(text), false);
            case 'x', 'X' -> spec.pad(hex(text.getBytes(StandardCharsets.UTF_8), verb == 'X'), false);
            default -> badVerb(verb, original);
        };
    }

    private static String hex(byte[] bytes, boolean upper) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            b.append(String.format(upper ? "%02X" : "%02x", x & 0xff));
        }
        return b.toString();
    }

    private static String formatInteger(long l, char verb, FormatSpec spec) {
        java.math.BigInteger magnitude = java.math.BigInteger.valueOf(l).abs();
        String digits = switch (verb) {
            case 'v', 'd' -> magnitude.toString();
            case 'b' -> magnitude.toString(2);
            case 'o', 'O' -> magnitude.toString(8);
            case 'x' -> magnitude.toString(16);
            case 'X' -> magnitude.toString(16).toUpperCase(java.util.Locale.ROOT);
            case 'c' -> new String(Character.toChars((int) l));
            case 'q' -> GoQuote.quoteRune((int) l);
            case 'U' -> String.format("U+%04X", l);
            default -> null;
        };
        if (digits == null) {
            return badVerb(verb, l);
        }
        if ("cqU".indexOf(verb) >= 0) {
            return spec.pad(digits, false);
        }
        if (spec.precision() >= 0 && digits.length() < spec.precision()) {
            digits = "0".repeat(spec.precision() - digits.length()) + digits;
        }
        String prefix = verb == 'O' ? "0o" : spec.sharp() ? switch (verb) {
            case 'x' -> "0x";
            case 'X' -> "0X";
            case 'o' -> "0";
            case 'b' -> "0b";
            default -> "";
        } : "";
        String sign = l < 0 ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
        return spec.pad(sign + prefix + digits, true);
    }

    private static String formatFloat(double d, char verb, FormatSpec spec) {
        if ("vgGeEfF".indexOf(verb) < 0) {
            return badVerb(verb, d);
        }
        String text = GoFloat.format(d, verb == 'v' ? 'g' : verb, spec.precision());
        if (!text.startsWith("-") && (spec.plus() || spec.space()) && !text.startsWith("+")) {
            text = (spec.plus() ? "+" : " ") + text;
        } else if (text.startsWith("+") && !spec.plus()) {
            text = spec.space() ? " " + text.substring(1) : text;
        }
        return spec.pad(text, !Double.isInfinite(d) && !Double.isNaN(d));
    }

    private static String badVerb(char verb, Object value) {
        return "%!" + verb + "(" + GoValues.typeName(value) + "=" + format(value, 'v', FormatSpec.PLAIN) + ")";
    }
}
