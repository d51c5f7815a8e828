package dev.imageautomation.template;

import java.util.List;
import java.util.Map;

/** The Go parameter types template functions declare; they decide how arguments are checked and converted. */
enum ParamType {
    ANY("interface {}"),
    STRING("string"),
    INT("int"),
    FLOAT("float64"),
    BOOL("bool"),
    LIST("[]interface {}"),
    DICT("map[string]interface {}");

    final String goName;

    ParamType(String goName) {
        this.goName = goName;
    }

    /** Whether Go could pass an untyped nil for this parameter. */
    boolean canBeNil() {
        return this == ANY || this == LIST || this == DICT;
    }

    /** Whether a (non-nil) value is assignable to this parameter type. */
    boolean accepts(Object value) {
        return switch (this) {
            case ANY -> true;
            case STRING -> value instanceof String;
            case INT -> value instanceof Long;
            case FLOAT -> value instanceof Double;
            case BOOL -> value instanceof Boolean;
            case LIST -> value instanceof List<?>;
            case DICT -> value instanceof Map<?, ?> && GoValues.typeName(value).equals(goName);
        };
    }
}
