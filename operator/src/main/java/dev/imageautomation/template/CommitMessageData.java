package dev.imageautomation.template;

import java.util.Map;

/**
 * The root object a commit-message template sees (Flux's {@code source.TemplateData}):
 * {@code .AutomationObject}, {@code .Changed} and {@code .Values} (the {@code messageTemplateValues},
 * a Go {@code map[string]string}, empty when unset).
 */
@GoType("source.TemplateData")
public record CommitMessageData(AutomationObject automationObject, ChangeResult changed, Map<String, String> values) {

    public CommitMessageData {
        values = TypedMap.ofStrings(values == null ? Map.of() : values);
    }
}
