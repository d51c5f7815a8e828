package dev.imageautomation.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Go's {@code json.Unmarshal} into {@code interface{}}: objects → maps, arrays → lists, numbers → float64. */
final class GoJsonReader {
    private final String s;
    private int pos;

    private GoJsonReader(String s) {
        this.s = s;
    }

    /** Sprig's {@code fromJson}: invalid JSON yields nil. */
    static Object readOrNull(String json) {
        try {
            return read(json);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Object read(String json) {
        GoJsonReader reader = new GoJsonReader(json);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.pos != json.length()) {
            throw new IllegalArgumentException("invalid character " + GoQuote.quoteRune(json.charAt(reader.pos))
                    + " after top-level value");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (pos >= s.length()) {
            throw new IllegalArgumentException("unexpected end of JSON input");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                if (s.startsWith("true", pos) || s.startsWith("false", pos) || s.startsWith("null", pos)) {
                    String word = s.startsWith("true", pos) ? "true" : s.startsWith("false", pos) ? "false" : "null";
                    pos += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
                return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (pos < s.length() && s.charAt(pos) != '"') {
            char c = s.charAt(pos++);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> b.append(e);
            }
        }
        expect('"');
        return b.toString();
    }

    private Double number() {
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.parseDouble(s.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid character " + GoQuote.quoteRune(s.charAt(start))
                    + " looking for beginning of value");
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException(pos >= s.length() ? "unexpected end of JSON input"
                    : "invalid character " + GoQuote.quoteRune(s.charAt(pos)) + " looking for " + c);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
    }
}
