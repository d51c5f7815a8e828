package dev.imageautomation.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's {@code strconv.Quote} and {@code strconv.Unquote} for template literals and {@code %q}. */
final class GoQuote {
    private GoQuote() {
    }

    /** Double-quotes {@code s} with Go escapes, keeping printable Unicode as is. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(b, cp, '"'));
        return b.append('"').toString();
    }

    /** Go's {@code %#q}: backquoted when {@code strconv.CanBackquote}, else double-quoted. */
    static String backquoteIfPossible(String s) {
        boolean can = s.chars().allMatch(c -> c != '`' && c != 0xFEFF && (c >= 0x20 || c == '\t') && c != 0x7f);
        return can ? "`" + s + "`" : quote(s);
    }

    /** Single-quotes a rune as Go's {@code %q} does for integers. */
    static String quoteRune(int cp) {
        StringBuilder b = new StringBuilder().append('\'');
        appendEscaped(b, cp, '\'');
        return b.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder b, int cp, char quote) {
        switch (cp) {
            case 7 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 11 -> b.append("\\v");
            case '\\' -> b.append("\\\\");
            default -> {
                if (cp == quote) {
                    b.append('\\').appendCodePoint(cp);
                } else if (isPrintable(cp)) {
                    b.appendCodePoint(cp);
                } else if (cp < 0x80) {
                    b.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.append(String.format("\\U%08x", cp));
                }
            }
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrintable(int cp) {
        if (cp < 0x80) {
            return cp >= 0x20 && cp < 0x7f;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** Interprets a Go string literal (double-quoted or raw); throws on bad syntax. */
    static String unquote(String literal) throws IllegalArgumentException {
        if (literal.length() < 2) {
            throw new IllegalArgumentException("invalid syntax");
        }
        char q = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        if (q == '`') {
            return body.replace("\r", "");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] pos = {0};
        while (pos[0] < body.length()) {
            if (body.charAt(pos[0]) == '"' && q == '"') {
                throw new IllegalArgumentException("invalid syntax");
            }
            unquoteChar(body, pos, q, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Interprets a Go rune literal such as {@code 'a'} or {@code '\n'}; returns the code point. */
    static int unquoteRune(String literal) {
        String body = literal.substring(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] pos = {0};
        int cp = unquoteChar(body, pos, '\'', out);
        if (!body.substring(pos[0]).equals("'")) {
            throw new IllegalArgumentException("malformed character constant: " + literal);
        }
        return cp;
    }

    /** Decodes one (possibly escaped) character at {@code pos}, writing its bytes; returns its value. */
    private static int unquoteChar(String s, int[] pos, char quote, ByteArrayOutputStream out) {
        int cp = s.codePointAt(pos[0]);
        pos[0] += Character.charCount(cp);
        if (cp == quote && quote == '\'' || cp == '\n') {
            throw new IllegalArgumentException("invalid syntax");
        }
        if (cp != '\\') {
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            return cp;
        }
        if (pos[0] >= s.length()) {
            throw new IllegalArgumentException("invalid syntax");
        }
        char c = s.charAt(pos[0]++);
        int simple = switch (c) {
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            case '\\' -> '\\';
            case '\'', '"' -> c == quote ? c : -1;
            default -> -1;
        };
        if (simple >= 0) {
            out.write(simple);
            return simple;
        }
        return unquoteNumeric(s, pos, c, out);
    }

    private static int unquoteNumeric(String s, int[] pos, char c, ByteArrayOutputStream out) {
        int digits = switch (c) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            case '0', '1', '2', '3', '4', '5', '6', '7' -> 3;
            default -> throw new IllegalArgumentException("invalid syntax");
        };
        int radix = digits == 3 ? 8 : 16;
        int begin = digits == 3 ? pos[0] - 1 : pos[0];
        int end = begin + digits;
        if (end > s.length()) {
            throw new IllegalArgumentException("invalid syntax");
        }
        int value;
        try {
            value = Integer.parseUnsignedInt(s.substring(begin, end), radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid syntax");
        }
        pos[0] = end;
        if (c == 'x' || digits == 3) {
            if (value > 255) {
                throw new IllegalArgumentException("invalid syntax");
            }
            out.write(value);
            return value;
        }
        if (value > Character.MAX_CODE_POINT || value >= 0xD800 && value < 0xE000) {
            throw new IllegalArgumentException("invalid syntax");
        }
        out.writeBytes(new String(Character.toChars(value)).getBytes(StandardCharsets.UTF_8));
        return value;
    }
}
