package dev.imageautomation.setters;

import java.util.Objects;

/**
 * One marked value that changed: Flux's {@code update.Change}. The commit-message template reads it as
 * {@code .OldValue}, {@code .NewValue} and {@code .Setter}.
 *
 * @param oldValue the value the scalar held before (as loaded, without quotes)
 * @param newValue the value written
 * @param setter the marker's setter name, for example {@code flux-system:podinfo:tag}
 */
public record Change(String oldValue, String newValue, String setter) {
  public Change {
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    Objects.requireNonNull(setter, "setter");
  }
}
