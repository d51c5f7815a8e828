package dev.imageautomation.template;

import static dev.imageautomation.template.ParamType.ANY;
import static dev.imageautomation.template.ParamType.STRING;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's predefined template functions. {@code and}, {@code or} and {@code call} are registered for their
 * arity but evaluated by the executor, because they short-circuit or invoke a value.
 */
final class GoBuiltins {
    private GoBuiltins() {
    }

    static void register(Map<String, FunctionSpec> table) {
        add(table, FunctionSpec.variadic("and", args -> null, ANY, ANY));
        add(table, FunctionSpec.variadic("or", args -> null, ANY, ANY));
        add(table, FunctionSpec.variadic("call", args -> null, ANY, ANY));
        add(table, FunctionSpec.fixed("not", args -> !GoValues.isTrue(args.get(0)), ANY));
        add(table, FunctionSpec.fixed("len", args -> length(args.get(0)), ANY));
        add(table, FunctionSpec.variadic("index", args -> index(args.get(0), args.subList(1, args.size())), ANY, ANY));
        add(table, FunctionSpec.variadic("print", GoFmt::sprint, ANY));
        add(table, FunctionSpec.variadic("println", GoFmt::sprintln, ANY));
        add(table, FunctionSpec.variadic("printf", args -> GoFmt.sprintf(Args.str(args, 0), Args.rest(args, 1)),
                STRING, ANY));
        add(table, FunctionSpec.variadic("html", args -> HtmlJsEscaper.html(printable(args)), ANY));
        add(table, FunctionSpec.variadic("js", args -> HtmlJsEscaper.js(printable(args)), ANY));
        add(table, FunctionSpec.variadic("urlquery",
                args -> queryEscape(printable(args)), ANY));
        GoComparisons.register(table);
    }

    private static void add(Map<String, FunctionSpec> table, FunctionSpec spec) {
        table.put(spec.name(), spec);
    }

    /** Go's {@code evalArgs}: a lone string as is, otherwise {@code fmt.Sprint} with nil as {@code <no value>}. */
    private static String printable(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        List<Object> printable = new ArrayList<>();
        for (Object arg : args) {
            printable.add(arg == null ? "<no value>" : arg);
        }
        return GoFmt.sprint(printable);
    }

    /** Go's {@code url.QueryEscape}: like Java's form encoding, but '*' is escaped and '~' is not. */
    private static String queryEscape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    private static long length(Object item) {
        if (item instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        if (item instanceof List<?> l) {
            return l.size();
        }
        if (item instanceof Map<?, ?> m) {
            return m.size();
        }
        if (item == null) {
            throw new IllegalArgumentException("len of nil pointer");
        }
        throw new IllegalArgumentException("len of type " + GoValues.typeName(item));
    }

    private static Object index(Object item, List<Object> indexes) {
        if (item == null) {
            throw new IllegalArgumentException("index of untyped nil");
        }
        Object current = item;
        for (Object index : indexes) {
            if (current instanceof List<?> list) {
                current = list.get(position(index, list.size()));
            } else if (current instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                current = (long) (bytes[position(index, bytes.length)] & 0xff);
            } else if (current instanceof Map<?, ?> map) {
                current = mapIndex(map, index);
            } else if (current == null) {
                throw new IllegalArgumentException("index of nil pointer");
            } else {
                throw new IllegalArgumentException("can't index item of type " + GoValues.typeName(current));
            }
        }
        return current;
    }

    private static Object mapIndex(Map<?, ?> map, Object index) {
        if (index != null && !(index instanceof String) && !map.isEmpty()
                && map.keySet().iterator().next() instanceof String) {
            throw new IllegalArgumentException("value has type " + GoValues.typeName(index) + "; should be string");
        }
        if (map.containsKey(index)) {
            return GoValues.normalize(map.get(index));
        }
        return map instanceof TypedMap<?> typed ? typed.zeroValue() : null;
    }

    private static int position(Object index, int length) {
        if (index == null) {
            throw new IllegalArgumentException("cannot index slice/array with nil");
        }
        if (!(index instanceof Long x)) {
            throw new IllegalArgumentException("cannot index slice/array with type " + GoValues.typeName(index));
        }
        if (x < 0 || x >= length) {
            throw new IllegalArgumentException("index out of range: " + x);
        }
        return (int) (long) x;
    }
}
