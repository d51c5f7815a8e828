package dev.imageautomation.template;

import java.util.List;

/**
 * A named function with its Go signature: fixed parameter types, and (when {@code variadic}) the last type
 * repeated. The executor checks arity and argument types exactly as Go's {@code evalCall} does.
 */
record FunctionSpec(String name, List<ParamType> params, boolean variadic, TemplateFunction body) {

    static FunctionSpec fixed(String name, TemplateFunction body, ParamType... params) {
        return new FunctionSpec(name, List.of(params), false, body);
    }

    /** The last of {@code params} is the variadic element type. */
    static FunctionSpec variadic(String name, TemplateFunction body, ParamType... params) {
        return new FunctionSpec(name, List.of(params), true, body);
    }

    int fixedCount() {
        return variadic ? params.size() - 1 : params.size();
    }

    ParamType variadicType() {
        return params.get(params.size() - 1);
    }
}
