package dev.imageautomation.template;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How Java values play Go values. {@code null} is Go's nil (and the invalid "no value"); {@link String} is
 * {@code string}; {@link Long} is {@code int} (other integral types are widened); {@link Double} is
 * {@code float64}; {@link List} and arrays are slices; {@link Map} is a map; records and beans are structs.
 */
final class GoValues {
    private GoValues() {
    }

    /** Widens Java numeric and array types to the representations above. */
    static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof List<?>
                || value instanceof Map<?, ?> || value instanceof Boolean || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Character c) {
            return (long) c;
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(normalize(Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Collection<?> c && !(value instanceof List<?>)) {
            return new ArrayList<>(c);
        }
        return value;
    }

    /** Go's truth: false, 0, nil, and empty strings, slices and maps are false; structs are true. */
    static boolean isTrue(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long l) {
            return l != 0;
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** The Go type name shown in error messages. */
    static String typeName(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof TypedMap<?> typed) {
            return typed.goTypeName();
        }
        if (value instanceof Map<?, ?> map) {
            // The one struct-keyed map templates see: Flux's ObjectChanges (.Changed.Objects and file entries).
            boolean objectChanges = !map.isEmpty() && map.keySet().iterator().next() instanceof ObjectIdentifier;
            return objectChanges ? "update.ObjectChanges" : "map[string]interface {}";
        }
        if (value instanceof List<?>) {
            return "[]interface {}";
        }
        if (value instanceof TemplateFunction) {
            return "func(...interface {}) (interface {}, error)";
        }
        GoType goType = value.getClass().getAnnotation(GoType.class);
        return goType != null ? goType.value() : value.getClass().getSimpleName();
    }

    /** Whether Go would treat the value as a struct (field access, {@code {a b}} printing). */
    static boolean isStruct(Object value) {
        return value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof List<?> || value instanceof Map<?, ?> || value instanceof TemplateFunction);
    }
}
