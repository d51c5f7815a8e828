package dev.imageautomation.cli;

import dev.imageautomation.policy.InvalidPolicyException;
import dev.imageautomation.policy.PolicyChoice;
import dev.imageautomation.policy.TagFilter;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The two parts of an ImagePolicy manifest that decide selection, {@code spec.policy} and {@code
 * spec.filterTags}, read as plain YAML (the CLI does not need the Kubernetes model). A field set to
 * null counts as absent, as it does for the API server.
 *
 * @param choice {@code spec.policy}
 * @param filter {@code spec.filterTags}, or {@link TagFilter#none()}
 */
record ImagePolicyManifest(PolicyChoice choice, TagFilter filter) {
  private static final String KIND = "ImagePolicy";

  /**
   * Reads the first {@code kind: ImagePolicy} document of a YAML stream.
   *
   * @throws InvalidPolicyException when the YAML, the document or its fields are unusable
   */
  static ImagePolicyManifest parse(String yaml) throws InvalidPolicyException {
    try {
      Load load = new Load(LoadSettings.builder().setLabel("policy manifest").build());
      for (Object document : load.loadAllFromString(yaml)) {
        if (document instanceof Map<?, ?> map && KIND.equals(map.get("kind"))) {
          return fromDocument(map);
        }
      }
    } catch (YamlEngineException e) {
      throw new InvalidPolicyException("the policy file is not valid YAML: " + e.getMessage());
    }
    throw new InvalidPolicyException("the policy file has no document with kind: " + KIND);
  }

  private static ImagePolicyManifest fromDocument(Map<?, ?> document)
      throws InvalidPolicyException {
    Map<?, ?> spec = mapping(document, "spec", "spec");
    if (spec == null) {
      throw new InvalidPolicyException("the ImagePolicy has no spec");
    }
    Map<?, ?> policy = mapping(spec, "policy", "spec.policy");
    if (policy == null) {
      throw new InvalidPolicyException("spec.policy is required");
    }
    PolicyChoice choice = new PolicyChoice(
        field(policy, "semver", "range"),
        field(policy, "alphabetical", "order"),
        field(policy, "numerical", "order"));
    Map<?, ?> filterTags = mapping(spec, "filterTags", "spec.filterTags");
    TagFilter filter = filterTags == null ? TagFilter.none()
        : TagFilter.compile(
            string(filterTags, "pattern", "spec.filterTags.pattern"),
            string(filterTags, "extract", "spec.filterTags.extract"));
    return new ImagePolicyManifest(choice, filter);
  }

  /** {@code null} when the policy kind is absent; {@code ""} when present without the field. */
  private static String field(Map<?, ?> policy, String kind, String name)
      throws InvalidPolicyException {
    String path = "spec.policy." + kind;
    Map<?, ?> body = mapping(policy, kind, path);
    if (body == null) {
      return null;
    }
    String value = string(body, name, path + "." + name);
    return value == null ? "" : value;
  }

  private static Map<?, ?> mapping(Map<?, ?> parent, String key, String path)
      throws InvalidPolicyException {
    Object value = parent.get(key);
    if (value == null || value instanceof Map<?, ?>) {
      return (Map<?, ?>) value;
    }
    throw new InvalidPolicyException(path + " must be a mapping, not " + describe(value));
  }

  private static String string(Map<?, ?> parent, String key, String path)
      throws InvalidPolicyException {
    Object value = parent.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new InvalidPolicyException(
        path + " must be a string, not " + describe(value) + " (quote it in YAML)");
  }

  private static String describe(Object value) {
    return value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
  }
}
