package dev.imageautomation.template;

import static dev.imageautomation.template.FunctionSpec.fixed;
import static dev.imageautomation.template.FunctionSpec.variadic;
import static dev.imageautomation.template.ParamType.ANY;
import static dev.imageautomation.template.ParamType.INT;
import static dev.imageautomation.template.SprigFunctions.add;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Sprig's list functions. Like Sprig, they accept any slice and fail on other kinds with
 * {@code Cannot find first on type string}; Sprig's {@code slice} replaces Go's built-in of that name.
 */
final class SprigLists {
    private SprigLists() {
    }

    static void register(Map<String, FunctionSpec> t) {
        add(t, variadic("list", a -> new ArrayList<>(a), ANY));
        add(t, variadic("tuple", a -> new ArrayList<>(a), ANY));
        add(t, fixed("first", a -> {
            List<Object> l = list(a.get(0), "find first on");
            return l.isEmpty() ? null : l.get(0);
        }, ANY));
        add(t, fixed("last", a -> {
            List<Object> l = list(a.get(0), "find last on");
            return l.isEmpty() ? null : l.get(l.size() - 1);
        }, ANY));
        add(t, fixed("rest", a -> {
            List<Object> l = list(a.get(0), "find rest on");
            return l.isEmpty() ? List.of() : new ArrayList<>(l.subList(1, l.size()));
        }, ANY));
        add(t, fixed("initial", a -> {
            List<Object> l = list(a.get(0), "find initial on");
            return l.isEmpty() ? List.of() : new ArrayList<>(l.subList(0, l.size() - 1));
        }, ANY));
        add(t, fixed("append", a -> append(list(a.get(0), "push on"), a.get(1)), ANY, ANY));
        add(t, fixed("push", a -> append(list(a.get(0), "push on"), a.get(1)), ANY, ANY));
        add(t, fixed("prepend", a -> {
            List<Object> l = new ArrayList<>(list(a.get(0), "prepend on"));
            l.add(0, a.get(1));
            return l;
        }, ANY, ANY));
        add(t, variadic("concat", SprigLists::concat, ANY));
        add(t, fixed("uniq", a -> {
            List<Object> out = new ArrayList<>();
            list(a.get(0), "find uniq on").stream().filter(e -> !out.contains(e)).forEach(out::add);
            return out;
        }, ANY));
        add(t, variadic("without", a -> {
            List<Object> omit = a.subList(1, a.size());
            return new ArrayList<>(list(a.get(0), "find without on").stream().filter(e -> !omit.contains(e)).toList());
        }, ANY, ANY));
        add(t, fixed("has", a -> a.get(1) != null && list(a.get(1), "find has on").contains(a.get(0)), ANY, ANY));
        add(t, fixed("compact", a -> new ArrayList<>(list(a.get(0), "compact on").stream()
                .filter(e -> !SprigDefaults.empty(e)).toList()), ANY));
        add(t, fixed("reverse", a -> {
            List<Object> l = new ArrayList<>(list(a.get(0), "find reverse on"));
            Collections.reverse(l);
            return l;
        }, ANY));
        add(t, fixed("sortAlpha", a -> sortAlpha(a.get(0)), ANY));
        add(t, variadic("slice", a -> slice(a.get(0), a.subList(1, a.size())), ANY, ANY));
        add(t, fixed("until", a -> untilStep(0, Args.integer(a, 0), Args.integer(a, 0) < 0 ? -1 : 1), INT));
        add(t, fixed("untilStep", a -> untilStep(Args.integer(a, 0), Args.integer(a, 1), Args.integer(a, 2)),
                INT, INT, INT));
    }

    /** The elements of a slice value (normalised), or Sprig's "Cannot ... type K" failure. */
    static List<Object> list(Object value, String action) {
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(e -> out.add(GoValues.normalize(e)));
            return out;
        }
        if (value == null) {
            throw new Calls.CallFailure("runtime error: invalid memory address or nil pointer dereference");
        }
        throw new Calls.CallFailure("Cannot " + action + " type " + Args.kindName(value));
    }

    private static List<Object> append(List<Object> l, Object v) {
        List<Object> out = new ArrayList<>(l);
        out.add(v);
        return out;
    }

    private static List<Object> concat(List<Object> lists) {
        List<Object> out = new ArrayList<>();
        for (Object l : lists) {
            if (!(l instanceof List<?>)) {
                throw new Calls.CallFailure("Cannot concat type " + Args.kindName(l) + " as list");
            }
            out.addAll(list(l, "concat"));
        }
        return out;
    }

    private static List<String> sortAlpha(Object v) {
        if (!(v instanceof List<?>)) {
            return List.of(SprigFunctions.strval(v));
        }
        List<String> out = new ArrayList<>(SprigStrings.strslice(v));
        out.sort(GoOrdering::compareStrings);
        return out;
    }

    private static Object slice(Object value, List<Object> indices) {
        if (!(value instanceof List<?>)) {
            throw new Calls.CallFailure("list should be type of slice or array but " + Args.kindName(value));
        }
        List<Object> l = list(value, "slice");
        if (l.isEmpty()) {
            return null;
        }
        int start = indices.isEmpty() ? 0 : (int) SprigMath.toInt64(indices.get(0));
        int end = indices.size() < 2 ? l.size() : (int) SprigMath.toInt64(indices.get(1));
        if (start < 0 || end > l.size() || start > end) {
            throw new Calls.CallFailure("reflect: slice index out of range");
        }
        return new ArrayList<>(l.subList(start, end));
    }

    private static List<Object> untilStep(int start, int stop, int step) {
        List<Object> out = new ArrayList<>();
        if (step == 0 || stop < start && step > 0 || stop > start && step < 0) {
            return out;
        }
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(i);
        }
        return out;
    }
}
