package dev.imageautomation.template;

import static dev.imageautomation.template.FunctionSpec.fixed;
import static dev.imageautomation.template.FunctionSpec.variadic;
import static dev.imageautomation.template.ParamType.ANY;
import static dev.imageautomation.template.SprigFunctions.add;

import java.util.Map;

/** Sprig's integer math; arguments go through {@code cast.ToInt64} (unparseable → 0), results are int64. */
final class SprigMath {
    private SprigMath() {
    }

    static void register(Map<String, FunctionSpec> t) {
        add(t, variadic("add", a -> a.stream().mapToLong(SprigMath::toInt64).sum(), ANY));
        add(t, fixed("add1", a -> toInt64(a.get(0)) + 1, ANY));
        add(t, fixed("sub", a -> toInt64(a.get(0)) - toInt64(a.get(1)), ANY, ANY));
        add(t, fixed("div", a -> toInt64(a.get(0)) / toInt64(a.get(1)), ANY, ANY));
        add(t, fixed("mod", a -> toInt64(a.get(0)) % toInt64(a.get(1)), ANY, ANY));
        add(t, variadic("mul", a -> a.stream().mapToLong(SprigMath::toInt64).reduce(1, (x, y) -> x * y), ANY, ANY));
        add(t, variadic("max", a -> a.stream().mapToLong(SprigMath::toInt64).max().orElseThrow(), ANY, ANY));
        add(t, variadic("biggest", a -> a.stream().mapToLong(SprigMath::toInt64).max().orElseThrow(), ANY, ANY));
        add(t, variadic("min", a -> a.stream().mapToLong(SprigMath::toInt64).min().orElseThrow(), ANY, ANY));
    }

    /** {@code cast.ToInt64}: numbers truncate, booleans are 0/1, strings parse (base prefixes, "5.0"), else 0. */
    static long toInt64(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return (long) d.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            Long parsed = GoNumbers.parseInt(trimZeroDecimal(s));
            return parsed == null ? 0 : parsed;
        }
        return 0;
    }

    static double toFloat64(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static String trimZeroDecimal(String s) {
        int dot = s.indexOf('.');
        if (dot > 0 && s.substring(dot + 1).chars().allMatch(c -> c == '0')) {
            return s.substring(0, dot);
        }
        return s;
    }
}
