package dev.imageautomation.setters;

import java.util.List;
import java.util.Objects;

/**
 * The changes made in one object of one file, in document order: one entry of Flux's
 * {@code update.ObjectChanges}.
 */
public record ObjectChange(ObjectIdentifier object, List<Change> changes) {
  public ObjectChange {
    Objects.requireNonNull(object, "object");
    changes = List.copyOf(changes);
  }

  public String apiVersion() {
    return object.apiVersion();
  }

  public String kind() {
    return object.kind();
  }

  public String namespace() {
    return object.namespace();
  }

  public String name() {
    return object.name();
  }
}
