package dev.imageautomation.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The objects of a {@code helm template} output, as plain YAML maps. */
record RenderedChart(List<Map<String, Object>> objects) {

  static RenderedChart parse(String yaml) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      if (document != null) {
        objects.add(asMap(document));
      }
    }
    return new RenderedChart(List.copyOf(objects));
  }

  List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
  }

  Map<String, Object> single(String kind) {
    List<Map<String, Object>> found = ofKind(kind);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + " in the rendering, found " + found.size());
    }
    return found.get(0);
  }

  List<String> kinds() {
    return objects.stream().map(object -> Objects.toString(object.get("kind"))).toList();
  }

  /** The operator container's command-line arguments. */
  @SuppressWarnings("unchecked")
  List<String> operatorArgs() {
    Map<String, Object> podSpec = at(single("Deployment"), "spec", "template", "spec");
    List<Map<String, Object>> containers = (List<Map<String, Object>>) podSpec.get("containers");
    return (List<String>) containers.get(0).get("args");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> at(Map<String, Object> object, String... path) {
    Map<String, Object> current = object;
    for (String key : path) {
      current = (Map<String, Object>) current.get(key);
      if (current == null) {
        throw new AssertionError("no " + String.join(".", path) + " in " + object.get("kind"));
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object document) {
    return (Map<String, Object>) document;
  }
}
