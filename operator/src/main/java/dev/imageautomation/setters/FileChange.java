package dev.imageautomation.setters;

import java.util.List;
import java.util.Objects;

/**
 * The changes made in one file.
 *
 * @param file path relative to the update path, with {@code /} separators (the key Flux uses)
 * @param objects the changed objects in document order
 */
public record FileChange(String file, List<ObjectChange> objects) {
  public FileChange {
    Objects.requireNonNull(file, "file");
    objects = List.copyOf(objects);
  }

  /** Every change in this file, in document order. */
  public List<Change> changes() {
    return objects.stream().flatMap(o -> o.changes().stream()).toList();
  }
}
