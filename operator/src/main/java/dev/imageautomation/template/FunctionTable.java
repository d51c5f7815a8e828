package dev.imageautomation.template;

import java.util.HashMap;
import java.util.Map;

/** The function table every template gets: Go's built-ins, overridden by Sprig where names clash (as in Go). */
final class FunctionTable {
    private FunctionTable() {
    }

    static Map<String, FunctionSpec> standard() {
        Map<String, FunctionSpec> table = new HashMap<>();
        GoBuiltins.register(table);
        SprigFunctions.register(table);
        return Map.copyOf(table);
    }
}
