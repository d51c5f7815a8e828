package dev.imageautomation.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flux's {@code --feature-gates} ({@code Name=bool,...}), accepted with the gate names and defaults of both of
 * Flux's image controllers so that their Deployment arguments carry over. An unknown gate is a start-up error, as
 * in Flux.
 */
public record FeatureGates(Map<FeatureGates.Gate, Boolean> values) {

  /** The gates Flux's image-reflector-controller and image-automation-controller know. */
  public enum Gate {
    /** Allows {@code spec.serviceAccountName} for cloud-provider (workload identity) authentication. */
    ObjectLevelWorkloadIdentity(false),
    /** Secrets are read through an informer cache instead of direct GETs. Accepted; reads stay direct. */
    CacheSecretsAndConfigMaps(false),
    /** Flux's file tag store. Accepted; the tag store here is always file based. */
    FluxStorage(false),
    /** Depth-1 clones. Accepted; clones here are always shallow and cached. */
    GitShallowClone(true),
    /** Fetch every branch head when pushing to another branch. Accepted. */
    GitAllBranchReferences(true),
    /** Check out only {@code update.path}. Accepted; the whole tree is checked out. */
    GitSparseCheckout(false),
    /** Force-push a separate push branch. Accepted; pushes here are never forced (no lost commits). */
    GitForcePushBranch(true);

    private final boolean enabledByDefault;

    Gate(boolean enabledByDefault) {
      this.enabledByDefault = enabledByDefault;
    }

    public boolean enabledByDefault() {
      return enabledByDefault;
    }
  }

  public FeatureGates {
    values = Map.copyOf(values);
  }

  /** Every gate at its default. */
  public static FeatureGates defaults() {
    return parse("");
  }

  /**
   * Parses {@code Name=bool,...}; names are case-sensitive as in Kubernetes, values are Go booleans.
   *
   * @throws IllegalArgumentException for an unknown gate or a value that is not a boolean
   */
  public static FeatureGates parse(String text) {
    Map<Gate, Boolean> values = new EnumMap<>(Gate.class);
    for (Gate gate : Gate.values()) {
      values.put(gate, gate.enabledByDefault());
    }
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] pair = entry.split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException("missing bool value for " + entry.trim());
      }
      values.put(gateNamed(pair[0].trim()), bool(pair[0].trim(), pair[1].trim()));
    }
    return new FeatureGates(values);
  }

  public boolean enabled(Gate gate) {
    return values.get(gate);
  }

  private static Gate gateNamed(String name) {
    for (Gate gate : Gate.values()) {
      if (gate.name().equals(name)) {
        return gate;
      }
    }
    throw new IllegalArgumentException("unrecognized feature gate: " + name + " (known: "
        + java.util.Arrays.stream(Gate.values()).map(Gate::name).collect(Collectors.joining(", ")) + ")");
  }

  private static boolean bool(String gate, String value) {
    return GoBooleans.parse(value).orElseThrow(() -> new IllegalArgumentException(
        "invalid value of " + gate + "=" + value + ", expected true or false"));
  }
}
