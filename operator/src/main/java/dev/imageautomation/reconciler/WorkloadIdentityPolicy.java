package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GitProvider;
import dev.imageautomation.api.v1.GitRepositorySpec;
import dev.imageautomation.api.v1.ImageRepositorySpec;
import dev.imageautomation.api.v1.RegistryProvider;
import dev.imageautomation.config.FeatureGates;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokenException;
import dev.imageautomation.identity.ServiceAccountTokens;
import dev.imageautomation.kube.ServiceAccountIdentities;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which Kubernetes ServiceAccount a cloud {@code provider} of an ImageRepository or a GitRepository authenticates
 * as (Flux's object-level workload identity): {@code spec.serviceAccountName}, else {@code --default-service-account}
 * (the multi-tenancy lockdown); the {@code ObjectLevelWorkloadIdentity} feature gate that must allow it; and the
 * account read from the cluster, with the API server issuing its tokens. Without either name the provider uses the
 * controller's own cloud identity. For {@code provider: generic} (and {@code github} for Git) no account is used
 * this way: an ImageRepository's account then only lends its pull secrets, which needs no gate.
 */
public final class WorkloadIdentityPolicy {

  static final String REPOSITORY_GATE_MESSAGE = "to use spec.serviceAccountName for provider authentication please"
      + " enable the ObjectLevelWorkloadIdentity feature gate in the controller";
  static final String POLICY_GATE_MESSAGE = "to use spec.serviceAccountName in the ImageRepository for provider"
      + " authentication please enable the ObjectLevelWorkloadIdentity feature gate in the controller";

  /** Flux's {@code ErrDefaultServiceAccountNotFound}: the tenant cannot fix this alone. */
  static final String DEFAULT_ACCOUNT_MISSING = "the specified default service account does not exist in the object"
      + " namespace. your cluster is subject to multi-tenant workload identity lockdown, reach out to your cluster"
      + " administrator for help";

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
    return spec.effectiveProvider() == RegistryProvider.GENERIC ? Optional.empty()
        : accountNamed(spec.getServiceAccountName());
  }

  /** As for an ImageRepository; {@code generic} and {@code github} ignore the name, as in Flux. */
  Optional<Account> accountOf(GitRepositorySpec spec) {
    GitProvider provider = spec.effectiveProvider();
    return provider == GitProvider.GENERIC || provider == GitProvider.GITHUB ? Optional.empty()
        : accountNamed(spec.getServiceAccountName());
  }

  private Optional<Account> accountNamed(String named) {
    if (named != null && !named.isEmpty()) {
      return Optional.of(new Account(named, false));
    }
    return defaultServiceAccount.map(name -> new Account(name, true));
  }

  /** Stalled FeatureGateDisabled (no retry until the spec or the controller changes) when the gate is off. */
  void requireGate(Optional<Account> account, String message) throws ReconcileProblem {
    if (!enabled && account.isPresent()) {
      throw ReconcileProblem.stalled(ConditionReasons.FEATURE_GATE_DISABLED, message);
    }
  }

  void requireGate(ImageRepositorySpec spec, String message) throws ReconcileProblem {
    requireGate(accountOf(spec), message);
  }

  /**
   * The account in {@code namespace} as the cloud code sees it; when it is missing, {@code failure} gets Flux's
   * words for why (a missing default account is for the cluster administrator to fix).
   */
  static ServiceAccountIdentity find(ClusterReader cluster, String namespace, Account account,
      Function<String, ReconcileProblem> failure) throws ReconcileProblem {
    return cluster.serviceAccount(namespace, account.name()).map(ServiceAccountIdentities::of)
        .orElseThrow(() -> failure.apply("failed to get service account '" + namespace + "/" + account.name()
            + "': " + (account.defaulted() ? DEFAULT_ACCOUNT_MISSING
                : "serviceaccounts \"" + account.name() + "\" not found")));
  }

  /** ServiceAccount tokens from the cluster, failures worded as Flux words them (never with a token). */
  static ServiceAccountTokens tokensFrom(ClusterReader cluster) {
    return (account, audience) -> {
      try {
        return cluster.serviceAccountToken(account.namespace(), account.name(), audience);
      } catch (RuntimeException e) {
        throw new ServiceAccountTokenException("failed to create kubernetes token for service account '"
            + account.reference() + "': " + e.getMessage(), e);
      }
    };
  }

  /** A ServiceAccount name, and whether it came from {@code --default-service-account}. */
  record Account(String name, boolean defaulted) {}
}
