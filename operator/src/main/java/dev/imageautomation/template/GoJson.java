package dev.imageautomation.template;

import java.util.List;
import java.util.Map;

/**
 * Go's {@code encoding/json} marshalling of template values: map keys sorted, {@code <>&} escaped as
 * {@code \u003c} (unless raw), records as objects keyed by their Go field names, floats in Go's shortest form.
 */
final class GoJson {
    private GoJson() {
    }

    /** Sprig's {@code toJson}: an unsupported value yields an empty string. */
    static String encodeOrEmpty(Object value, boolean pretty, boolean escapeHtml) {
        try {
            return encode(value, pretty, escapeHtml);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static String encode(Object value, boolean pretty, boolean escapeHtml) {
        StringBuilder out = new StringBuilder();
        write(out, GoValues.normalize(value), pretty ? "" : null, escapeHtml);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v, String indent, boolean escapeHtml) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s, escapeHtml);
        } else if (v instanceof Boolean || v instanceof Long) {
            out.append(v);
        } else if (v instanceof Double d) {
            out.append(number(d));
        } else if (v instanceof List<?> list) {
            array(out, list, indent, escapeHtml);
        } else if (v instanceof Map<?, ?> map) {
            object(out, map, indent, escapeHtml);
        } else if (v instanceof JsonShaped shaped) {
            object(out, shaped.jsonObject(), indent, escapeHtml);
        } else if (v.getClass().isRecord()) {
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            List<String> names = FieldResolver.componentNames(v.getClass());
            List<Object> values = FieldResolver.componentValues(v);
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                fields.put(Character.toUpperCase(n.charAt(0)) + n.substring(1), values.get(i));
            }
            members(out, List.copyOf(fields.entrySet()), indent, escapeHtml);
        } else {
            throw new IllegalArgumentException("json: unsupported type: " + GoValues.typeName(v));
        }
    }

    private static void array(StringBuilder out, List<?> list, String indent, boolean escapeHtml) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            out.append(i > 0 ? "," : "");
            newline(out, inner);
            write(out, GoValues.normalize(list.get(i)), inner, escapeHtml);
        }
        newline(out, indent);
        out.append(']');
    }

    private static void object(StringBuilder out, Map<?, ?> map, String indent, boolean escapeHtml) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("json: unsupported type: map[" + GoValues.typeName(key) + "]");
            }
        }
        List<? extends Map.Entry<Object, ?>> entries = GoOrdering.sortedEntries(map);
        members(out, entries, indent, escapeHtml);
    }

    private static void members(StringBuilder out, List<? extends Map.Entry<?, ?>> entries, String indent,
            boolean escapeHtml) {
        if (entries.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            out.append(i > 0 ? "," : "");
            newline(out, inner);
            string(out, (String) entries.get(i).getKey(), escapeHtml);
            out.append(indent == null ? ":" : ": ");
            write(out, GoValues.normalize(entries.get(i).getValue()), inner, escapeHtml);
        }
        newline(out, indent);
        out.append('}');
    }

    private static void newline(StringBuilder out, String indent) {
        if (indent != null) {
            out.append('\n').append(indent);
        }
    }

    private static void string(StringBuilder out, String s, boolean escapeHtml) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean html = escapeHtml && (c == '<' || c == '>' || c == '&');
                    if (c < 0x20 || html || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Go: plain digits for 1e-6 <= |f| < 1e21, else exponent form with a short exponent ("1e-7"). */
    private static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("json: unsupported value: " + GoFmt.valueString(d));
        }
        java.math.BigDecimal shortest = GoFloat.shortestDecimal(d).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs == 0 || abs >= 1e-6 && abs < 1e21) {
            return (d < 0 ? "-" : "") + shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa = digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "");
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
}
