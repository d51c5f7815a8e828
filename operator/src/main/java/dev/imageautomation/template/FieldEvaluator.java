package dev.imageautomation.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code evalField}: {@code .Name} is a method or field of a struct (record/bean, via
 * {@link FieldResolver}) or a key of a map (a missing key is nil, printed {@code <no value>}).
 */
final class FieldEvaluator {
    private final Executor state;
    private final Calls calls;

    FieldEvaluator(Executor state, Calls calls) {
        this.state = state;
        this.calls = calls;
    }

    Object evalChain(Object dot, Object receiver, Node node, List<String> idents, List<Node> args, Object fin) {
        Object current = receiver;
        for (int i = 0; i < idents.size() - 1; i++) {
            current = evalField(dot, idents.get(i), node, null, Evaluator.NO_FINAL, current);
        }
        return evalField(dot, idents.get(idents.size() - 1), node, args, fin, current);
    }

    private Object evalField(Object dot, String name, Node node, List<Node> args, Object fin, Object receiver) {
        if (receiver == null) {
            return null;
        }
        boolean hasArgs = args != null && args.size() > 1 || fin != Evaluator.NO_FINAL;
        if (receiver instanceof Map<?, ?> map && !hasNonStringKeys(map)) {
            if (hasArgs) {
                throw state.error(name + " is not a method but has arguments");
            }
            return map.containsKey(name) ? GoValues.normalize(map.get(name)) : null;
        }
        if (GoValues.isStruct(receiver)) {
            Optional<FieldResolver.Accessor> accessor = FieldResolver.find(receiver.getClass(), name);
            if (accessor.isPresent()) {
                return access(dot, name, node, args, fin, receiver, accessor.get(), hasArgs);
            }
        }
        throw state.error("can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
    }

    private static boolean hasNonStringKeys(Map<?, ?> map) {
        return !map.isEmpty() && !(map.keySet().iterator().next() instanceof String);
    }

    private Object access(Object dot, String name, Node node, List<Node> args, Object fin, Object receiver,
            FieldResolver.Accessor accessor, boolean hasArgs) {
        if (accessor.isField()) {
            if (hasArgs) {
                throw state.error(name + " has arguments but cannot be invoked as function");
            }
            return invoke(accessor, receiver, List.of());
        }
        List<ParamType> params = new ArrayList<>();
        for (Class<?> type : accessor.method().getParameterTypes()) {
            params.add(paramType(type));
        }
        FunctionSpec method = new FunctionSpec(name, params, false, argv -> invoke(accessor, receiver, argv));
        return calls.call(dot, method, node, args, fin, false);
    }

    private Object invoke(FieldResolver.Accessor accessor, Object receiver, List<Object> argv) {
        Class<?>[] types = accessor.method().getParameterTypes();
        Object[] converted = new Object[argv.size()];
        for (int i = 0; i < converted.length; i++) {
            Object arg = argv.get(i);
            boolean wantsInt = types[i] == int.class || types[i] == Integer.class;
            converted[i] = wantsInt && arg instanceof Long l ? Integer.valueOf((int) (long) l) : arg;
        }
        try {
            return accessor.invoke(receiver, converted);
        } catch (Exception e) {
            throw new Calls.CallFailure(Calls.message(e));
        }
    }

    private static ParamType paramType(Class<?> type) {
        if (type == String.class) {
            return ParamType.STRING;
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return ParamType.INT;
        }
        if (type == boolean.class || type == Boolean.class) {
            return ParamType.BOOL;
        }
        if (type == double.class || type == Double.class) {
            return ParamType.FLOAT;
        }
        if (List.class.isAssignableFrom(type)) {
            return ParamType.LIST;
        }
        return ParamType.ANY;
    }
}
