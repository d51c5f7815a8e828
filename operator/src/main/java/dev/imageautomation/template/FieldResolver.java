package dev.imageautomation.template;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds what a Go field or method name means on a Java object. {@code .OldValue} tries a method named
 * {@code OldValue}, then the lower-camel accessor {@code oldValue()} (acronyms too: {@code .APIVersion} →
 * {@code apiVersion()}), then the getter {@code getOldValue()}/{@code isOldValue()}. Record components count
 * as Go struct fields; other public methods as Go methods (they may take arguments).
 */
final class FieldResolver {
    private static final Map<Class<?>, Map<String, Optional<Accessor>>> CACHE = new ConcurrentHashMap<>();

    /** A resolved member; {@code isField} is true for record components. */
    record Accessor(Method method, boolean isField) {
        Object invoke(Object receiver, Object... args) throws Exception {
            try {
                Object result = method.invoke(receiver, args);
                return result == null ? zeroOf(method.getReturnType()) : GoValues.normalize(result);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        int parameterCount() {
            return method.getParameterCount();
        }
    }

    private FieldResolver() {
    }

    static Optional<Accessor> find(Class<?> type, String goName) {
        return CACHE.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(goName, name -> resolve(type, name));
    }

    /** Record component accessors per class, looked up once: printing and key sorting read them often. */
    private static final ClassValue<List<Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.trySetAccessible();
                accessors.add(accessor);
            }
            return List.copyOf(accessors);
        }
    };

    /** The record's components in declaration order, as Go would print struct fields. */
    static List<Object> componentValues(Object record) {
        List<Object> values = new ArrayList<>();
        for (Method accessor : COMPONENTS.get(record.getClass())) {
            try {
                Object value = accessor.invoke(record);
                values.add(value == null ? zeroOf(accessor.getReturnType()) : GoValues.normalize(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + accessor.getName(), e);
            }
        }
        return values;
    }

    static List<String> componentNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Method accessor : COMPONENTS.get(type)) {
            names.add(accessor.getName());
        }
        return names;
    }

    private static Optional<Accessor> resolve(Class<?> type, String goName) {
        if (goName.isEmpty() || !Character.isUpperCase(goName.charAt(0))) {
            return Optional.empty();
        }
        String lower = lowerCamel(goName);
        String simpleLower = Character.toLowerCase(goName.charAt(0)) + goName.substring(1);
        String capitalised = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        for (String candidate : List.of(goName, lower, simpleLower, "get" + goName, "get" + capitalised,
                "is" + goName)) {
            Optional<Accessor> accessor = method(type, candidate);
            if (accessor.isPresent()) {
                return accessor;
            }
        }
        return Optional.empty();
    }

    private static Optional<Accessor> method(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())
                    && m.getDeclaringClass() != Object.class && m.getReturnType() != void.class) {
                m.trySetAccessible();
                boolean isField = type.isRecord() && m.getParameterCount() == 0
                        && componentNames(type).contains(name);
                return Optional.of(new Accessor(m, isField));
            }
        }
        return Optional.empty();
    }

    /** {@code APIVersion} → {@code apiVersion}, {@code URL} → {@code url}, {@code OldValue} → {@code oldValue}. */
    static String lowerCamel(String goName) {
        int run = 0;
        while (run < goName.length() && Character.isUpperCase(goName.charAt(run))) {
            run++;
        }
        if (run > 1 && run < goName.length()) {
            run--;
        }
        return goName.substring(0, run).toLowerCase(Locale.ROOT) + goName.substring(run);
    }

    static Object zeroOf(Class<?> type) {
        if (type == String.class) {
            return "";
        }
        if (List.class.isAssignableFrom(type)) {
            return List.of();
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of();
        }
        return null;
    }
}
