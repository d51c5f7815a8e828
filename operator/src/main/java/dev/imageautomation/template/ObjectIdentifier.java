package dev.imageautomation.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kubernetes object a change was made in (Flux's {@code update.ObjectIdentifier}); each part is empty
 * when the YAML document lacks it. Go embeds kyaml's {@code ResourceIdentifier{TypeMeta, NameMeta}}, so
 * {@code fmt} prints it as {@code {{{apiVersion kind} {name namespace}}}}, which {@link #goString()}
 * reproduces; keys sort by apiVersion, kind, name, namespace, as Go compares the struct.
 */
@GoType("update.ObjectIdentifier")
public record ObjectIdentifier(String apiVersion, String kind, String name, String namespace)
        implements GoStringer, JsonShaped {

    @Override
    public String goString() {
        return "{{{" + apiVersion + " " + kind + "} {" + name + " " + namespace + "}}}";
    }

    /** Go's JSON form: the embedded structs are inlined, with kyaml's lower-case omitempty tags. */
    @Override
    public Map<String, Object> jsonObject() {
        Map<String, Object> json = new LinkedHashMap<>();
        putIfNotEmpty(json, "apiVersion", apiVersion);
        putIfNotEmpty(json, "kind", kind);
        putIfNotEmpty(json, "name", name);
        putIfNotEmpty(json, "namespace", namespace);
        return json;
    }

    private static void putIfNotEmpty(Map<String, Object> json, String key, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(key, value);
        }
    }
}
