package dev.imageautomation.template;

import static dev.imageautomation.template.FunctionSpec.fixed;
import static dev.imageautomation.template.FunctionSpec.variadic;
import static dev.imageautomation.template.ParamType.ANY;
import static dev.imageautomation.template.ParamType.DICT;
import static dev.imageautomation.template.ParamType.STRING;
import static dev.imageautomation.template.SprigFunctions.add;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sprig's dict functions over {@code map[string]interface {}}. Go map order is random; where Sprig returns
 * keys or values in map order ({@code keys}, {@code values}) this returns them sorted by key, a stable choice.
 * {@code set} and {@code unset} modify the dict in place, as Sprig does.
 */
final class SprigDicts {
    private SprigDicts() {
    }

    static void register(Map<String, FunctionSpec> t) {
        add(t, variadic("dict", SprigDicts::dict, ANY));
        add(t, fixed("get", a -> Args.dict(a, 0).containsKey(a.get(1)) ? Args.dict(a, 0).get(a.get(1)) : "",
                DICT, STRING));
        add(t, fixed("set", a -> {
            Args.dict(a, 0).put(a.get(1), a.get(2));
            return a.get(0);
        }, DICT, STRING, ANY));
        add(t, fixed("unset", a -> {
            Args.dict(a, 0).remove(a.get(1));
            return a.get(0);
        }, DICT, STRING));
        add(t, fixed("hasKey", a -> a.get(0) != null && Args.dict(a, 0).containsKey(a.get(1)), DICT, STRING));
        add(t, variadic("keys", SprigDicts::keys, DICT));
        add(t, fixed("values", a -> sortedValues(Args.dict(a, 0)), DICT));
        add(t, variadic("pick", a -> pick(Args.dict(a, 0), a.subList(1, a.size()), true), DICT, STRING));
        add(t, variadic("omit", a -> pick(Args.dict(a, 0), a.subList(1, a.size()), false), DICT, STRING));
        add(t, variadic("pluck", SprigDicts::pluck, STRING, DICT));
    }

    private static Map<Object, Object> dict(List<Object> args) {
        Map<Object, Object> dict = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String key = SprigFunctions.strval(args.get(i));
            dict.put(key, i + 1 < args.size() ? args.get(i + 1) : "");
        }
        return dict;
    }

    private static List<Object> keys(List<Object> dicts) {
        List<Object> keys = new ArrayList<>();
        for (Object d : dicts) {
            if (d instanceof Map<?, ?> map) {
                GoOrdering.sortedEntries(map).forEach(e -> keys.add(e.getKey()));
            }
        }
        return keys;
    }

    private static List<Object> sortedValues(Map<Object, Object> dict) {
        List<Object> values = new ArrayList<>();
        if (dict != null) {
            GoOrdering.sortedEntries(dict).forEach(e -> values.add(e.getValue()));
        }
        return values;
    }

    private static Map<Object, Object> pick(Map<Object, Object> dict, List<Object> keys, boolean keep) {
        Map<Object, Object> out = new LinkedHashMap<>();
        if (dict != null) {
            dict.forEach((k, v) -> {
                if (keys.contains(k) == keep) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    private static List<Object> pluck(List<Object> args) {
        List<Object> out = new ArrayList<>();
        for (Object d : args.subList(1, args.size())) {
            if (d instanceof Map<?, ?> map && map.containsKey(args.get(0))) {
                out.add(map.get(args.get(0)));
            }
        }
        return out;
    }
}
