package dev.imageautomation.setters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out which Kubernetes object each marked scalar of one document belongs to. The identifying
 * fields may come after the marker ({@code metadata} last), so markers wait here until the document
 * ends. A {@code kind: List} document's markers under {@code items[i]} belong to item {@code i}, as in
 * Flux, which unwraps such lists (without Flux's bug of writing the item to a new file).
 */
final class DocumentObjects {
  private static final Set<String> IDENTITY_KEYS = Set.of("apiVersion", "kind", "name", "namespace");

  private final Map<String, String> fields = new HashMap<>();
  private final List<Pending> pending = new ArrayList<>();

  /** Remembers a scalar mapping value if it may identify an object. */
  void offerField(List<String> path, String value) {
    String key = path.isEmpty() ? null : path.get(path.size() - 1);
    if (key != null && IDENTITY_KEYS.contains(key) && !path.contains(null)) {
      fields.put(String.join("/", path), value);
    }
  }

  void offerMarker(List<String> path, MarkedScalar scalar) {
    pending.add(new Pending(path, scalar));
  }

  /** The pending markers with their objects resolved, in document order. */
  List<MarkedScalar> resolve() {
    List<MarkedScalar> resolved = new ArrayList<>(pending.size());
    for (Pending marker : pending) {
      MarkedScalar s = marker.scalar();
      resolved.add(new MarkedScalar(s.marker(), s.value(), s.style(), s.start(), s.end(), s.line(),
          objectOf(marker.path())));
    }
    return resolved;
  }

  private ObjectIdentifier objectOf(List<String> path) {
    String prefix = "";
    if ("List".equals(fields.get("kind")) && path.size() >= 2 && "items".equals(path.get(0))
        && path.get(1) != null && path.get(1).chars().allMatch(Character::isDigit)) {
      prefix = "items/" + path.get(1) + "/";
    }
    return new ObjectIdentifier(
        field(prefix + "apiVersion"),
        field(prefix + "kind"),
        field(prefix + "metadata/namespace"),
        field(prefix + "metadata/name"));
  }

  private String field(String path) {
    return fields.getOrDefault(path, "");
  }

  private record Pending(List<String> path, MarkedScalar scalar) {}
}
