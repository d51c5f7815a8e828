package dev.imageautomation.template;

import static dev.imageautomation.template.FunctionSpec.fixed;
import static dev.imageautomation.template.FunctionSpec.variadic;
import static dev.imageautomation.template.ParamType.ANY;
import static dev.imageautomation.template.ParamType.INT;
import static dev.imageautomation.template.ParamType.STRING;
import static dev.imageautomation.template.SprigFunctions.add;
import static dev.imageautomation.template.SprigFunctions.strval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Sprig's string functions. Offsets ({@code trunc}, {@code substr}) count bytes, as Go's slicing does. */
final class SprigStrings {
    private SprigStrings() {
    }

    static void register(Map<String, FunctionSpec> t) {
        add(t, fixed("trim", a -> Args.str(a, 0).strip(), STRING));
        add(t, fixed("trimAll", a -> trimSet(Args.str(a, 1), Args.str(a, 0)), STRING, STRING));
        add(t, fixed("trimall", a -> trimSet(Args.str(a, 1), Args.str(a, 0)), STRING, STRING));
        add(t, fixed("trimPrefix", a -> trimPrefix(Args.str(a, 1), Args.str(a, 0)), STRING, STRING));
        add(t, fixed("trimSuffix", a -> trimSuffix(Args.str(a, 1), Args.str(a, 0)), STRING, STRING));
        add(t, fixed("upper", a -> mapRunes(Args.str(a, 0), Character::toUpperCase), STRING));
        add(t, fixed("lower", a -> mapRunes(Args.str(a, 0), Character::toLowerCase), STRING));
        add(t, fixed("title", a -> title(Args.str(a, 0)), STRING));
        add(t, fixed("untitle", a -> untitle(Args.str(a, 0)), STRING));
        add(t, fixed("replace", a -> Args.str(a, 2).replace(Args.str(a, 0), Args.str(a, 1)), STRING, STRING, STRING));
        add(t, fixed("repeat", a -> repeat(Args.integer(a, 0), Args.str(a, 1)), INT, STRING));
        add(t, fixed("substr", a -> substr(Args.integer(a, 0), Args.integer(a, 1), Args.str(a, 2)), INT, INT, STRING));
        add(t, fixed("trunc", a -> trunc(Args.integer(a, 0), Args.str(a, 1)), INT, STRING));
        add(t, fixed("abbrev", a -> abbrev(Args.integer(a, 0), Args.str(a, 1)), INT, STRING));
        add(t, fixed("contains", a -> Args.str(a, 1).contains(Args.str(a, 0)), STRING, STRING));
        add(t, fixed("hasPrefix", a -> Args.str(a, 1).startsWith(Args.str(a, 0)), STRING, STRING));
        add(t, fixed("hasSuffix", a -> Args.str(a, 1).endsWith(Args.str(a, 0)), STRING, STRING));
        add(t, variadic("quote", a -> joinNonNil(a, v -> GoQuote.quote(strval(v))), ANY));
        add(t, variadic("squote", a -> joinNonNil(a, v -> "'" + GoFmt.valueString(v) + "'"), ANY));
        add(t, variadic("cat", a -> joinNonNil(a, GoFmt::valueString), ANY));
        add(t, fixed("indent", a -> indent(Args.integer(a, 0), Args.str(a, 1)), INT, STRING));
        add(t, fixed("nindent", a -> "\n" + indent(Args.integer(a, 0), Args.str(a, 1)), INT, STRING));
        add(t, fixed("nospace", a -> Args.str(a, 0).codePoints().filter(c -> !Character.isWhitespace(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString(), STRING));
        add(t, fixed("plural", a -> Args.integer(a, 2) == 1 ? a.get(0) : a.get(1), STRING, STRING, INT));
        add(t, fixed("join", a -> String.join(Args.str(a, 0), strslice(a.get(1))), STRING, ANY));
        add(t, fixed("split", a -> split(Args.str(a, 0), Args.str(a, 1), -1), STRING, STRING));
        add(t, fixed("splitn", a -> split(Args.str(a, 0), Args.str(a, 2), Args.integer(a, 1)), STRING, INT, STRING));
        add(t, fixed("splitList", a -> goSplit(Args.str(a, 1), Args.str(a, 0), -1), STRING, STRING));
        add(t, fixed("toString", a -> strval(a.get(0)), ANY));
        add(t, fixed("toStrings", a -> strslice(a.get(0)), ANY));
    }

    /** Go's {@code strings.ToUpper}/{@code ToLower} map rune by rune (so "ß" stays "ß"). */
    private static String mapRunes(String s, java.util.function.IntUnaryOperator mapping) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().map(mapping).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String joinNonNil(List<Object> args, java.util.function.Function<Object, String> f) {
        return args.stream().filter(v -> v != null).map(f).collect(Collectors.joining(" "));
    }

    /** Sprig's {@code strslice}: a list's non-nil elements as strings; nil is empty; a scalar is one element. */
    static List<String> strslice(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object e : list) {
                if (e != null) {
                    out.add(strval(GoValues.normalize(e)));
                }
            }
            return out;
        }
        return List.of(strval(v));
    }

    private static String trimSet(String s, String cutset) {
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static String trimPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    private static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    /** Go's deprecated {@code strings.Title}: upper-cases the first letter of each word. */
    private static String title(String s) {
        StringBuilder b = new StringBuilder();
        int prev = ' ';
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int cp = s.codePointAt(i);
            b.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
            prev = cp;
        }
        return b.toString();
    }

    private static boolean isSeparator(int cp) {
        if (cp <= 0x7F) {
            return !(Character.isLetterOrDigit(cp) || cp == '_');
        }
        return !Character.isLetterOrDigit(cp) && Character.isWhitespace(cp);
    }

    private static String untitle(String s) {
        return s.isEmpty() ? s : new StringBuilder().appendCodePoint(Character.toLowerCase(s.codePointAt(0)))
                .append(s.substring(Character.charCount(s.codePointAt(0)))).toString();
    }

    private static String repeat(int count, String s) {
        if (count < 0) {
            throw new Calls.CallFailure("strings: negative Repeat count");
        }
        if ((long) count * s.length() > Executor.MAX_OUTPUT_CHARS) {
            throw new Calls.CallFailure("repeat result exceeds " + Executor.MAX_OUTPUT_CHARS + " characters");
        }
        return s.repeat(count);
    }

    private static String bytesToString(byte[] bytes, int from, int to) {
        return new String(Arrays.copyOfRange(bytes, from, to), StandardCharsets.UTF_8);
    }

    private static String substr(int start, int end, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (start < 0) {
            return bytesToString(b, 0, checkBound(end, b.length));
        }
        if (end < 0 || end > b.length) {
            return bytesToString(b, checkBound(start, b.length), b.length);
        }
        if (start > end) {
            throw new Calls.CallFailure("runtime error: slice bounds out of range [" + start + ":" + end + "]");
        }
        return bytesToString(b, start, end);
    }

    private static int checkBound(int i, int length) {
        if (i < 0 || i > length) {
            throw new Calls.CallFailure("runtime error: slice bounds out of range [" + i + ":" + length + "]");
        }
        return i;
    }

    private static String trunc(int c, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (c < 0 && b.length + c > 0) {
            return bytesToString(b, b.length + c, b.length);
        }
        if (c >= 0 && b.length > c) {
            return bytesToString(b, 0, c);
        }
        return s;
    }

    /** goutils {@code Abbreviate(s, width)}: keeps width-3 characters and appends "...". */
    private static String abbrev(int width, String s) {
        if (width < 4 || s.length() <= width) {
            return s;
        }
        return s.substring(0, width - 3) + "...";
    }

    private static String indent(int spaces, String s) {
        String pad = " ".repeat(Math.max(spaces, 0));
        return pad + s.replace("\n", "\n" + pad);
    }

    private static Map<String, String> split(String sep, String s, int n) {
        List<String> parts = goSplit(s, sep, n);
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            result.put("_" + i, parts.get(i));
        }
        return TypedMap.ofStrings(result);
    }

    /** Go's {@code strings.SplitN}: an empty separator splits into characters; n < 0 means all. */
    static List<String> goSplit(String s, String sep, int n) {
        List<String> parts = new ArrayList<>();
        if (n == 0) {
            return parts;
        }
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
            if (n > 0 && parts.size() > n) {
                String tail = String.join("", parts.subList(n - 1, parts.size()));
                parts.subList(n - 1, parts.size()).clear();
                parts.add(tail);
            }
            return parts;
        }
        int from = 0;
        int at;
        while ((n < 0 || parts.size() < n - 1) && (at = s.indexOf(sep, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }
}
