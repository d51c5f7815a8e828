package dev.imageautomation.template;

import java.util.List;

/**
 * Go's {@code fmt.Sprint}, {@code Sprintln} and {@code Sprintf} over template values: the verb parser, argument
 * bookkeeping ({@code %!d(MISSING)}, {@code %!(EXTRA ...)}) and padding. Formatting of one value lives in
 * {@link GoValueFormat}.
 */
final class GoFmt {
    private GoFmt() {
    }

    /** Go's {@code %v} of one value ({@code <nil>} for nil). */
    static String valueString(Object value) {
        return GoValueFormat.format(value, 'v', FormatSpec.PLAIN);
    }

    /** {@code fmt.Sprint}: spaces between operands when neither side is a string. */
    static String sprint(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (i > 0 && !(arg instanceof String) && !(args.get(i - 1) instanceof String)) {
                out.append(' ');
            }
            out.append(valueString(arg));
        }
        return out.toString();
    }

    /** {@code fmt.Sprintln}: always a space between operands, and a final newline. */
    static String sprintln(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(valueString(args.get(i)));
        }
        return out.append('\n').toString();
    }

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int[] argIndex = {0, 0}; // cursor, and 1 once an explicit [n] index was used
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
            } else {
                i = verb(format, i + 1, args, argIndex, out);
            }
        }
        if (argIndex[1] == 0) {
            appendExtra(out, args, argIndex[0]);
        }
        return out.toString();
    }

    /** Formats the verb whose flags start at {@code i}; returns the index after it. */
    private static int verb(String format, int i, List<Object> args, int[] argIndex, StringBuilder out) {
        FormatSpec.Builder spec = new FormatSpec.Builder();
        i = spec.parseFlags(format, i);
        i = argumentIndex(format, i, argIndex);
        if (i < format.length() && format.charAt(i) == '*') {
            spec.width(argIndex[0] < args.size() ? asInt(args.get(argIndex[0]++)) : -1);
            i++;
        } else {
            i = spec.parseWidth(format, i);
        }
        if (i < format.length() && format.charAt(i) == '.') {
            i++;
            if (i < format.length() && format.charAt(i) == '*') {
                spec.precision(argIndex[0] < args.size() ? asInt(args.get(argIndex[0]++)) : -1);
                i++;
            } else {
                i = spec.parsePrecision(format, i);
            }
        }
        i = argumentIndex(format, i, argIndex);
        if (i >= format.length()) {
            out.append("%!(NOVERB)");
            return i;
        }
        int verb = format.codePointAt(i);
        i += Character.charCount(verb);
        if (verb == '%') {
            out.append('%');
        } else if (argIndex[0] >= args.size()) {
            out.append("%!").appendCodePoint(verb).append("(MISSING)");
        } else {
            out.append(GoValueFormat.format(args.get(argIndex[0]++), (char) verb, spec.build()));
        }
        return i;
    }

    /** An explicit {@code [n]} argument index (1-based) moves the argument cursor, as in Go. */
    private static int argumentIndex(String format, int i, int[] argIndex) {
        if (i < format.length() && format.charAt(i) == '[') {
            int close = format.indexOf(']', i);
            if (close > i + 1 && format.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                argIndex[0] = Integer.parseInt(format.substring(i + 1, close)) - 1;
                argIndex[1] = 1;
                return close + 1;
            }
        }
        return i;
    }

    private static void appendExtra(StringBuilder out, List<Object> args, int used) {
        if (used >= args.size()) {
            return;
        }
        out.append("%!(EXTRA ");
        for (int i = used; i < args.size(); i++) {
            if (i > used) {
                out.append(", ");
            }
            Object arg = args.get(i);
            out.append(arg == null ? "<nil>" : GoValues.typeName(arg) + "=" + valueString(arg));
        }
        out.append(')');
    }

    private static int asInt(Object value) {
        return value instanceof Long l ? (int) l.longValue() : -1;
    }
}
