package dev.imageautomation.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattens a JSON-like tree (maps, lists, scalars) into {@code path → leaf value}, e.g. {@code policy.semver.range}
 * or {@code filterTags.pattern}, so a test can say "the server kept every field I sent" with one map assertion
 * that names the missing or changed path when it fails.
 */
public final class FieldPaths {

  private FieldPaths() {
  }

  public static Map<String, Object> leaves(Object tree) {
    Map<String, Object> leaves = new TreeMap<>();
    collect("", tree, leaves);
    return leaves;
  }

  private static void collect(String path, Object node, Map<String, Object> leaves) {
    if (node instanceof Map<?, ?> map && !map.isEmpty()) {
      map.forEach((key, value) -> collect(path.isEmpty() ? key.toString() : path + "." + key, value, leaves));
    } else if (node instanceof List<?> list && !list.isEmpty()) {
      for (int i = 0; i < list.size(); i++) {
        collect(path + "[" + i + "]", list.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }
}
