package dev.imageautomation.setters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values the markers may set, from the selected policies of one namespace (Flux §3.2). For a policy
 * {@code ns/name} with latest image {@code name:tag[@digest]}, four setters exist:
 *
 * <ul>
 *   <li>{@code ns:name} → {@code name:tag} plus {@code @digest} when the digest is known;
 *   <li>{@code ns:name:tag} → the tag;
 *   <li>{@code ns:name:name} → the repository name exactly as stored;
 *   <li>{@code ns:name:digest} → the digest, empty when the policy does not reflect digests.
 * </ul>
 *
 * Lookups are case-sensitive; any other name is unknown.
 */
public final class SetterValues {
  private final Map<String, PolicyImage> policies;

  private SetterValues(Map<String, PolicyImage> policies) {
    this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
  }

  /** No setters at all: every marker is unknown. */
  public static SetterValues empty() {
    return new SetterValues(Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The value for a setter name such as {@code flux-system:podinfo:tag}, if that setter exists. */
  public Optional<String> lookup(String setter) {
    PolicyImage whole = policies.get(setter);
    if (whole != null) {
      return Optional.of(whole.fullReference());
    }
    int colon = setter.lastIndexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    PolicyImage image = policies.get(setter.substring(0, colon));
    if (image == null) {
      return Optional.empty();
    }
    return switch (setter.substring(colon + 1)) {
      case "tag" -> Optional.of(image.tag());
      case "name" -> Optional.of(image.name());
      case "digest" -> Optional.of(image.digest());
      default -> Optional.empty();
    };
  }

  /** The policies, keyed {@code namespace/name}, in the order they were added. */
  public Map<String, PolicyImage> policies() {
    Map<String, PolicyImage> byName = new LinkedHashMap<>();
    policies.forEach((setter, image) -> byName.put(setter.replaceFirst(":", "/"), image));
    return byName;
  }

  @Override
  public String toString() {
    return "SetterValues" + policies();
  }

  /** Collects policies; a later policy with the same name replaces an earlier one. */
  public static final class Builder {
    private final Map<String, PolicyImage> policies = new LinkedHashMap<>();

    private Builder() {}

    public Builder policy(String namespace, String name, PolicyImage image) {
      requireName("namespace", namespace);
      requireName("name", name);
      policies.put(namespace + ":" + name, Objects.requireNonNull(image, "image"));
      return this;
    }

    /**
     * Adds a policy written {@code NAMESPACE/NAME=IMAGE:TAG[@DIGEST]} (the {@code rewrite} command's
     * {@code --policy} syntax).
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public Builder policy(String assignment) {
      int equals = assignment.indexOf('=');
      int slash = assignment.indexOf('/');
      if (equals < 0 || slash < 0 || slash > equals) {
        throw new IllegalArgumentException(
            "policy '" + assignment + "' must look like NAMESPACE/NAME=IMAGE:TAG[@DIGEST]");
      }
      String namespace = assignment.substring(0, slash);
      String name = assignment.substring(slash + 1, equals);
      try {
        return policy(namespace, name, PolicyImage.parse(assignment.substring(equals + 1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "policy " + namespace + "/" + name + ": " + e.getMessage(), e);
      }
    }

    public SetterValues build() {
      return new SetterValues(policies);
    }

    private static void requireName(String what, String value) {
      if (value == null || value.isEmpty() || value.contains(":") || value.contains("/")) {
        throw new IllegalArgumentException(
            "policy " + what + " '" + value + "' must be non-empty, without ':' or '/'");
      }
    }
  }
}
