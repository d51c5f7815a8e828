package dev.imageautomation.template;

import static dev.imageautomation.template.ParamType.ANY;

import java.util.List;
import java.util.Map;

/**
 * Go's {@code eq}, {@code ne}, {@code lt}, {@code le}, {@code gt}, {@code ge}: basic kinds compare by value,
 * different kinds are an error ({@code incompatible types for comparison}) except against nil in {@code eq}.
 */
final class GoComparisons {
    private static final String BAD_TYPE = "invalid type for comparison";

    private enum Kind { BOOL, INT, FLOAT, STRING, OTHER }

    private GoComparisons() {
    }

    static void register(Map<String, FunctionSpec> table) {
        table.put("eq", FunctionSpec.variadic("eq", args -> eq(args.get(0), args.subList(1, args.size())), ANY, ANY));
        table.put("ne", FunctionSpec.fixed("ne", args -> !eq(args.get(0), args.subList(1, 2)), ANY, ANY));
        table.put("lt", FunctionSpec.fixed("lt", args -> lt(args.get(0), args.get(1)), ANY, ANY));
        table.put("le", FunctionSpec.fixed("le", args -> le(args.get(0), args.get(1)), ANY, ANY));
        table.put("gt", FunctionSpec.fixed("gt", args -> !le(args.get(0), args.get(1)), ANY, ANY));
        table.put("ge", FunctionSpec.fixed("ge", args -> !lt(args.get(0), args.get(1)), ANY, ANY));
    }

    private static Kind kind(Object v) {
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long) {
            return Kind.INT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        return Kind.OTHER;
    }

    static boolean eq(Object a, List<Object> others) {
        if (others.isEmpty()) {
            throw new IllegalArgumentException("missing argument for comparison");
        }
        for (Object b : others) {
            if (a == null || b == null) {
                if (a == b) {
                    return true;
                }
                continue;
            }
            if (kind(a) != kind(b)) {
                throw incompatible(a, b);
            }
            if (kind(a) == Kind.OTHER && (a instanceof List<?> || a instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("non-comparable type " + GoFmt.valueString(a) + ": "
                        + GoValues.typeName(a));
            }
            if (kind(a) == Kind.OTHER && !GoValues.typeName(a).equals(GoValues.typeName(b))) {
                throw incompatible(a, b);
            }
            if (a.equals(b)) {
                return true;
            }
        }
        return false;
    }

    static boolean lt(Object a, Object b) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka == Kind.OTHER || kb == Kind.OTHER) {
            throw new IllegalArgumentException(BAD_TYPE);
        }
        if (ka != kb) {
            throw incompatible(a, b);
        }
        return switch (ka) {
            case INT -> (Long) a < (Long) b;
            case FLOAT -> (Double) a < (Double) b;
            case STRING -> GoOrdering.compareStrings((String) a, (String) b) < 0;
            default -> throw new IllegalArgumentException(BAD_TYPE);
        };
    }

    private static IllegalArgumentException incompatible(Object a, Object b) {
        return new IllegalArgumentException("incompatible types for comparison: " + GoValues.typeName(a) + " and "
                + GoValues.typeName(b));
    }

    static boolean le(Object a, Object b) {
        return lt(a, b) || eq(a, java.util.Collections.singletonList(b));
    }
}
