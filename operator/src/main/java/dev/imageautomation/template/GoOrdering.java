package dev.imageautomation.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code internal/fmtsort} key order, which both {@code fmt} (printing maps) and {@code text/template}
 * ({@code range} over maps) use: numbers by value, strings lexically, false before true, structs field by
 * field, nil first; keys of different types by type name (Go orders those by type identity).
 */
final class GoOrdering {
    static final Comparator<Object> KEYS = GoOrdering::compare;

    private GoOrdering() {
    }

    static <V> List<Map.Entry<Object, V>> sortedEntries(Map<?, V> map) {
        List<Map.Entry<Object, V>> entries = new ArrayList<>();
        for (Map.Entry<?, V> e : map.entrySet()) {
            entries.add(Map.entry(e.getKey() == null ? NullKey.INSTANCE : e.getKey(), e.getValue()));
        }
        Map<Object, List<Object>> fieldsOfKey = new java.util.IdentityHashMap<>();
        java.util.function.Function<Object, List<Object>> fields =
                key -> fieldsOfKey.computeIfAbsent(key, FieldResolver::componentValues);
        entries.sort(Map.Entry.comparingByKey((a, b) -> compare(a, b, fields)));
        List<Map.Entry<Object, V>> result = new ArrayList<>();
        for (Map.Entry<Object, V> e : entries) {
            result.add(new java.util.AbstractMap.SimpleImmutableEntry<>(
                    e.getKey() == NullKey.INSTANCE ? null : e.getKey(), e.getValue()));
        }
        return result;
    }

    private enum NullKey { INSTANCE }

    static int compare(Object a, Object b) {
        return compare(a, b, FieldResolver::componentValues);
    }

    private static int compare(Object a, Object b, java.util.function.Function<Object, List<Object>> fieldsOf) {
        a = a == NullKey.INSTANCE ? null : GoValues.normalize(a);
        b = b == NullKey.INSTANCE ? null : GoValues.normalize(b);
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return compareStrings(x, y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a.getClass() == b.getClass() && a.getClass().isRecord()) {
            List<Object> fa = fieldsOf.apply(a);
            List<Object> fb = fieldsOf.apply(b);
            for (int i = 0; i < fa.size(); i++) {
                int c = compare(fa.get(i), fb.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        int byType = GoValues.typeName(a).compareTo(GoValues.typeName(b));
        return byType != 0 ? byType : String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** Byte-wise UTF-8 order, as Go compares strings. */
    static int compareStrings(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Boolean.compare(i < x.length(), j < y.length());
    }
}
