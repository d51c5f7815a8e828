package dev.imageautomation.template;

/**
 * {@code .AutomationObject}: the automation's namespaced name (Go's {@code types.NamespacedName}), which
 * prints as {@code namespace/name} and has the fields {@code .Namespace} and {@code .Name}.
 */
@GoType("types.NamespacedName")
public record AutomationObject(String namespace, String name) implements GoStringer {

    @Override
    public String goString() {
        return namespace + "/" + name;
    }
}
