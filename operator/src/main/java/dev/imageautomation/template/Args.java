package dev.imageautomation.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed views of already-checked function arguments, to keep function bodies short. */
final class Args {
    private Args() {
    }

    static String str(List<Object> args, int i) {
        return (String) args.get(i);
    }

    static int integer(List<Object> args, int i) {
        return (int) (long) (Long) args.get(i);
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> dict(List<Object> args, int i) {
        return (Map<Object, Object>) args.get(i);
    }

    static List<Object> rest(List<Object> args, int from) {
        return new ArrayList<>(args.subList(Math.min(from, args.size()), args.size()));
    }

    /** Go's {@code reflect.Kind} name of a value, as Sprig's list errors print it. */
    static String kindName(Object value) {
        if (value == null) {
            return "invalid";
        }
        if (value instanceof List<?>) {
            return "slice";
        }
        if (value instanceof Map<?, ?>) {
            return "map";
        }
        if (GoValues.isStruct(value)) {
            return value instanceof TemplateFunction ? "func" : "struct";
        }
        return GoValues.typeName(value);
    }
}
