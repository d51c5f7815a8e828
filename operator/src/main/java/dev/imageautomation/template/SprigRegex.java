package dev.imageautomation.template;

import static dev.imageautomation.template.FunctionSpec.fixed;
import static dev.imageautomation.template.ParamType.INT;
import static dev.imageautomation.template.ParamType.STRING;
import static dev.imageautomation.template.SprigFunctions.add;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sprig's regular-expression functions on RE2J, which has Go's RE2 syntax and linear-time matching.
 * Replacement templates use Go's {@code Regexp.Expand} rules ({@code $1}, {@code ${name}}, {@code $$}).
 */
final class SprigRegex {
    private SprigRegex() {
    }

    static void register(Map<String, FunctionSpec> t) {
        add(t, fixed("regexMatch", a -> matchOrFalse(Args.str(a, 0), Args.str(a, 1)), STRING, STRING));
        add(t, fixed("mustRegexMatch", a -> compile(Args.str(a, 0)).matcher(Args.str(a, 1)).find(), STRING, STRING));
        add(t, fixed("regexFind", a -> find(compile(Args.str(a, 0)), Args.str(a, 1)), STRING, STRING));
        add(t, fixed("regexFindAll", a -> findAll(compile(Args.str(a, 0)), Args.str(a, 1), Args.integer(a, 2)),
                STRING, STRING, INT));
        add(t, fixed("regexReplaceAll", a -> replaceAll(compile(Args.str(a, 0)), Args.str(a, 1), Args.str(a, 2),
                true), STRING, STRING, STRING));
        add(t, fixed("regexReplaceAllLiteral", a -> replaceAll(compile(Args.str(a, 0)), Args.str(a, 1),
                Args.str(a, 2), false), STRING, STRING, STRING));
        add(t, fixed("regexSplit", a -> split(compile(Args.str(a, 0)), Args.str(a, 1), Args.integer(a, 2)),
                STRING, STRING, INT));
        add(t, fixed("regexQuoteMeta", a -> quoteMeta(Args.str(a, 0)), STRING));
    }

    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new Calls.CallFailure("regexp: Compile(" + GoQuote.backquoteIfPossible(regex) + "): " + e.getMessage());
        }
    }

    private static boolean matchOrFalse(String regex, String s) {
        try {
            return Pattern.compile(regex).matcher(s).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group() : "";
    }

    private static List<String> findAll(Pattern p, String s, int n) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while ((n < 0 || out.size() < n) && m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String replaceAll(Pattern p, String s, String replacement, boolean expand) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int previousEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == previousEnd) {
                continue; // Go ignores an empty match that abuts the previous match
            }
            out.append(s, last, m.start());
            out.append(expand ? expand(m, replacement) : replacement);
            last = m.end();
            previousEnd = m.end();
        }
        return out.append(s.substring(last)).toString();
    }

    /** Go's {@code Regexp.Expand}: {@code $name} takes the longest run of letters, digits and '_'. */
    private static String expand(Matcher m, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            int start = i + 1;
            int end;
            String name;
            if (template.charAt(start) == '{') {
                end = template.indexOf('}', start);
                if (end < 0 || !validName(template.substring(start + 1, end))) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(start + 1, end);
                end++;
            } else {
                end = start;
                while (end < template.length() && (Character.isLetterOrDigit(template.charAt(end))
                        || template.charAt(end) == '_')) {
                    end++;
                }
                if (end == start) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(start, end);
            }
            out.append(group(m, name));
            i = end;
        }
        return out.toString();
    }

    private static boolean validName(String name) {
        return !name.isEmpty() && name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_');
    }

    private static String group(Matcher m, String name) {
        String value;
        try {
            value = name.chars().allMatch(Character::isDigit) ? (Integer.parseInt(name) <= m.groupCount()
                    ? m.group(Integer.parseInt(name)) : null) : m.group(name);
        } catch (IllegalArgumentException e) {
            value = null;
        }
        return value == null ? "" : value;
    }

    private static List<String> split(Pattern p, String s, int n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        Matcher m = p.matcher(s);
        int last = 0;
        while ((n < 0 || out.size() < n - 1) && m.find()) {
            if (m.end() == 0 && m.start() == 0) {
                continue;
            }
            out.add(s.substring(last, m.start()));
            last = m.end();
        }
        out.add(s.substring(last));
        return out;
    }

    private static String quoteMeta(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
