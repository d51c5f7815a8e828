package dev.imageautomation.template;

/**
 * One rewritten value (Flux's {@code update.Change}): {@code .OldValue}, {@code .NewValue}, and {@code .Setter},
 * the marker reference such as {@code flux-system:podinfo:tag}. Prints as {@code {old new setter}}.
 */
@GoType("update.Change")
public record ValueChange(String oldValue, String newValue, String setter) {
}
