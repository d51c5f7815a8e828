package dev.imageautomation.template;

import dev.imageautomation.template.Node.NumberNode;
import java.math.BigInteger;

/** Go's numeric-constant rules: which of int and float a literal can be, and {@code strconv.ParseInt(s, 0, 64)}. */
final class GoNumbers {
    private GoNumbers() {
    }

    static NumberNode parseConstant(int pos, String text, boolean isChar, boolean isComplex) {
        if (isComplex) {
            throw new IllegalArgumentException("complex constants are not supported: " + GoQuote.quote(text));
        }
        if (isChar) {
            long rune = GoQuote.unquoteRune(text);
            return new NumberNode(pos, text, rune, (double) rune, true);
        }
        Long intValue = parseInt(text);
        if (intValue != null) {
            return new NumberNode(pos, text, intValue, intValue.doubleValue(), false);
        }
        if (parseBigInt(text) != null) {
            // A uint64 beyond int64 or a larger integer: Go keeps it as a float only when it has a float form.
            throw new IllegalArgumentException("integer overflow: " + GoQuote.quote(text));
        }
        Double f = parseFloat(text);
        if (f == null) {
            throw new IllegalArgumentException("illegal number syntax: " + GoQuote.quote(text));
        }
        boolean integral = !f.isInfinite() && f == Math.rint(f) && Math.abs(f) < 0x1p63;
        return new NumberNode(pos, text, integral ? (long) f.doubleValue() : null, f, false);
    }

    /** {@code strconv.ParseInt(text, 0, 64)}: base prefixes 0x/0o/0b, legacy octal, underscores. */
    static Long parseInt(String text) {
        BigInteger value = parseBigInt(text);
        if (value == null || value.bitLength() > 63) {
            return null;
        }
        return value.longValue();
    }

    private static BigInteger parseBigInt(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            s = s.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            s = s.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            s = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            s = s.substring(1);
        }
        s = s.replace("_", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            BigInteger value = new BigInteger(s, radix);
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseFloat(String text) {
        String s = text.replace("_", "");
        try {
            if (s.toLowerCase(java.util.Locale.ROOT).contains("0x")) {
                return Double.parseDouble(s.contains("p") || s.contains("P") ? s : s + "p0");
            }
            if (!s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                return null;
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
