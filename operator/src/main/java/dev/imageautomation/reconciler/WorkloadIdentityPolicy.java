package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageRepositorySpec;
import dev.imageautomation.api.v1.RegistryProvider;
import dev.imageautomation.config.FeatureGates;
import dev.imageautomation.config.OperatorConfig;
import java.util.Optional;

/**
 * Which Kubernetes ServiceAccount a cloud {@code provider} authenticates an ImageRepository as (Flux's object-level
 * workload identity): {@code spec.serviceAccountName}, else {@code --default-service-account} (the multi-tenancy
 * lockdown); and the {@code ObjectLevelWorkloadIdentity} feature gate that must allow it. Without either name the
 * provider uses the controller's own cloud identity. For {@code provider: generic} the account only lends its pull
 * secrets, which needs no gate.
 */
public final class WorkloadIdentityPolicy {

  static final String REPOSITORY_GATE_MESSAGE = "to use spec.serviceAccountName for provider authentication please"
      + " enable the ObjectLevelWorkloadIdentity feature gate in the controller";
  static final String POLICY_GATE_MESSAGE = "to use spec.serviceAccountName in the ImageRepository for provider"
      + " authentication please enable the ObjectLevelWorkloadIdentity feature gate in the controller";

  private final boolean enabled;
  private final Optional<String> defaultServiceAccount;

  public WorkloadIdentityPolicy(boolean enabled, Optional<String> defaultServiceAccount) {
    this.enabled = enabled;
    this.defaultServiceAccount = defaultServiceAccount.filter(name -> !name.isEmpty());
  }

  public static WorkloadIdentityPolicy of(OperatorConfig config) {
    return new WorkloadIdentityPolicy(config.featureGates().enabled(FeatureGates.Gate.ObjectLevelWorkloadIdentity),
        config.defaultServiceAccount());
  }

  /** The account a cloud provider authenticates as; empty for {@code generic} or the controller's own identity. */
  Optional<Account> accountOf(ImageRepositorySpec spec) {
    if (spec.effectiveProvider() == RegistryProvider.GENERIC) {
      return Optional.empty();
    }
    String named = spec.getServiceAccountName();
    if (named != null && !named.isEmpty()) {
      return Optional.of(new Account(named, false));
    }
    return defaultServiceAccount.map(name -> new Account(name, true));
  }

  /** Stalled FeatureGateDisabled (no retry until the spec or the controller changes) when the gate is off. */
  void requireGate(ImageRepositorySpec spec, String message) throws ReconcileProblem {
    if (!enabled && accountOf(spec).isPresent()) {
      throw ReconcileProblem.stalled(ConditionReasons.FEATURE_GATE_DISABLED, message);
    }
  }

  /** A ServiceAccount name, and whether it came from {@code --default-service-account}. */
  record Account(String name, boolean defaulted) {}
}
