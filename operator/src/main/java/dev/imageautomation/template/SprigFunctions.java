package dev.imageautomation.template;

import java.util.Map;

/**
 * The Sprig v3 functions available to Flux commit templates. Flux uses {@code sprig.HermeticTxtFuncMap()}:
 * everything except time, random, environment and DNS functions. Implemented here: strings
 * ({@link SprigStrings}), defaults and conversions ({@link SprigDefaults}), lists ({@link SprigLists}),
 * dicts ({@link SprigDicts}), hashes/encodings/JSON ({@link SprigEncoding}), integer math
 * ({@link SprigMath}), regular expressions with RE2 semantics ({@link SprigRegex}) and paths.
 * Not implemented: semver helpers, crypto/certificate generators, float math ({@code addf}…),
 * {@code merge}/{@code deepCopy}, {@code wrap}, case converters; using one is a parse error
 * ({@code function "x" not defined}).
 */
final class SprigFunctions {
    private SprigFunctions() {
    }

    static void register(Map<String, FunctionSpec> table) {
        SprigStrings.register(table);
        SprigDefaults.register(table);
        SprigLists.register(table);
        SprigDicts.register(table);
        SprigEncoding.register(table);
        SprigMath.register(table);
        SprigRegex.register(table);
    }

    static void add(Map<String, FunctionSpec> table, FunctionSpec spec) {
        table.put(spec.name(), spec);
    }

    /** Sprig's {@code strval}: strings as is, Stringers through {@code String()}, else {@code %v}. */
    static String strval(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof GoStringer s) {
            return s.goString();
        }
        return GoFmt.valueString(v);
    }
}
