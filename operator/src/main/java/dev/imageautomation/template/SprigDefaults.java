package dev.imageautomation.template;

import static dev.imageautomation.template.FunctionSpec.fixed;
import static dev.imageautomation.template.FunctionSpec.variadic;
import static dev.imageautomation.template.ParamType.ANY;
import static dev.imageautomation.template.ParamType.BOOL;
import static dev.imageautomation.template.ParamType.STRING;
import static dev.imageautomation.template.SprigFunctions.add;

import java.util.List;
import java.util.Map;

/** Sprig's {@code default}, {@code empty}, {@code coalesce}, {@code ternary}, type inspection and conversions. */
final class SprigDefaults {
    private SprigDefaults() {
    }

    static void register(Map<String, FunctionSpec> t) {
        add(t, variadic("default", a -> a.size() < 2 || empty(a.get(1)) ? a.get(0) : a.get(1), ANY, ANY));
        add(t, fixed("empty", a -> empty(a.get(0)), ANY));
        add(t, variadic("coalesce", a -> a.stream().filter(v -> !empty(v)).findFirst().orElse(null), ANY));
        add(t, variadic("all", a -> a.stream().noneMatch(SprigDefaults::empty), ANY));
        add(t, variadic("any", a -> a.stream().anyMatch(v -> !empty(v)), ANY));
        add(t, fixed("ternary", a -> (Boolean) a.get(2) ? a.get(0) : a.get(1), ANY, ANY, BOOL));
        add(t, fixed("typeOf", a -> a.get(0) == null ? "<nil>" : GoValues.typeName(a.get(0)), ANY));
        add(t, fixed("kindOf", a -> Args.kindName(a.get(0)), ANY));
        add(t, fixed("kindIs", a -> Args.kindName(a.get(1)).equals(a.get(0)), STRING, ANY));
        add(t, fixed("typeIs", a -> (a.get(1) == null ? "<nil>" : GoValues.typeName(a.get(1))).equals(a.get(0)),
                STRING, ANY));
        add(t, fixed("atoi", a -> atoi(Args.str(a, 0)), STRING));
        add(t, fixed("int", a -> SprigMath.toInt64(a.get(0)), ANY));
        add(t, fixed("int64", a -> SprigMath.toInt64(a.get(0)), ANY));
        add(t, fixed("float64", a -> SprigMath.toFloat64(a.get(0)), ANY));
    }

    /** Sprig's {@code empty}: nil, zero numbers, false and empty strings/lists/maps; structs never are. */
    static boolean empty(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof String || v instanceof List<?> || v instanceof Map<?, ?> || v instanceof Boolean
                || v instanceof Long || v instanceof Double) {
            return !GoValues.isTrue(v);
        }
        return false;
    }

    private static long atoi(String s) {
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
