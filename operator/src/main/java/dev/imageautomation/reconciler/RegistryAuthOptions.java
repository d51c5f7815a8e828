package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositorySpec;
import dev.imageautomation.api.v1.LocalObjectReference;
import dev.imageautomation.api.v1.RegistryProvider;
import dev.imageautomation.kube.SecretCredentials;
import dev.imageautomation.registry.ConnectionSettings;
import dev.imageautomation.registry.CredentialProviders;
import dev.imageautomation.registry.CredentialSource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an ImageRepository connects with, built as Flux's {@code AuthOptionsGetter} builds it: a cloud
 * {@code provider} authenticates as the controller, or as a ServiceAccount (see {@link WorkloadIdentityPolicy});
 * otherwise {@code secretRef}'s Secret and the {@code imagePullSecrets}
 * of {@code serviceAccountName} (in that order) make one keyring; {@code certSecretRef} and {@code proxySecretRef}
 * give the TLS and proxy settings. Every object named must exist, else AuthenticationFailed (retried, since the
 * object may be created later). Objects are read through {@link ClusterReader}, so the {@code run} command reads
 * them from files.
 */
final class RegistryAuthOptions {

  private final ClusterReader cluster;
  private final CredentialProviders providers;
  private final WorkloadIdentityPolicy workloadIdentity;

  RegistryAuthOptions(ClusterReader cluster, CredentialProviders providers, WorkloadIdentityPolicy workloadIdentity) {
    this.cluster = cluster;
    this.providers = providers;
    this.workloadIdentity = workloadIdentity;
  }

  /** Cloud provider credentials (fetched lazily, when the registry asks), or the pull Secrets', or none. */
  CredentialSource credentials(ImageRepository repository) throws ReconcileProblem {
    ImageRepositorySpec spec = repository.getSpec();
    try {
      if (spec.effectiveProvider() != RegistryProvider.GENERIC) {
        return cloud(repository);
      }
      List<Secret> secrets = pullSecrets(repository);
      return secrets.isEmpty() ? CredentialSource.ANONYMOUS : SecretCredentials.fromPullSecrets(secrets);
    } catch (IllegalArgumentException e) {
      throw authenticationFailed(e.getMessage());
    }
  }

  /** The controller's own cloud identity, or (gate permitting) the ServiceAccount's. */
  private CredentialSource cloud(ImageRepository repository) throws ReconcileProblem {
    ImageRepositorySpec spec = repository.getSpec();
    String provider = spec.effectiveProvider().value();
    Optional<WorkloadIdentityPolicy.Account> account = workloadIdentity.accountOf(spec);
    if (account.isEmpty()) {
      return providers.forName(provider).map(CredentialSource.class::cast).orElse(CredentialSource.ANONYMOUS);
    }
    workloadIdentity.requireGate(spec, WorkloadIdentityPolicy.REPOSITORY_GATE_MESSAGE);
    return providers.forServiceAccount(provider, WorkloadIdentityPolicy.find(cluster,
        repository.getMetadata().getNamespace(), account.get(), RegistryAuthOptions::authenticationFailed));
  }

  /** Timeout, {@code insecure}, and the TLS and proxy Secrets. */
  ConnectionSettings connection(ImageRepository repository) throws ReconcileProblem {
    ImageRepositorySpec spec = repository.getSpec();
    ConnectionSettings settings = ConnectionSettings.defaults(spec.effectiveTimeout())
        .withInsecure(spec.allowsInsecure());
    try {
      if (named(spec.getCertSecretRef())) {
        settings = settings.withTls(SecretCredentials.tls(secret(repository, spec.getCertSecretRef().getName())));
      }
      if (named(spec.getProxySecretRef())) {
        settings = settings.withProxy(SecretCredentials.proxy(secret(repository,
            spec.getProxySecretRef().getName())));
      }
      return settings;
    } catch (IllegalArgumentException e) {
      throw authenticationFailed(e.getMessage());
    }
  }

  /** Flux's list for the Kubernetes keychain: {@code secretRef} first, then the ServiceAccount's, in its order. */
  private List<Secret> pullSecrets(ImageRepository repository) throws ReconcileProblem {
    ImageRepositorySpec spec = repository.getSpec();
    List<Secret> secrets = new ArrayList<>();
    if (named(spec.getSecretRef())) {
      secrets.add(secret(repository, spec.getSecretRef().getName()));
    }
    String account = spec.getServiceAccountName();
    if (account != null && !account.isEmpty()) {
      secrets.addAll(imagePullSecrets(repository.getMetadata().getNamespace(), account));
    }
    return secrets;
  }

  private List<Secret> imagePullSecrets(String namespace, String name) throws ReconcileProblem {
    String account = namespace + "/" + name;
    ServiceAccount found = cluster.serviceAccount(namespace, name)
        .orElseThrow(() -> authenticationFailed("serviceaccount '" + account + "' not found"));
    List<Secret> secrets = new ArrayList<>();
    for (String secretName : SecretCredentials.imagePullSecretNames(found)) {
      secrets.add(cluster.secret(namespace, secretName).orElseThrow(() -> authenticationFailed(
          "failed to get image pull secret for serviceaccount '" + account + "': secret '" + namespace + "/"
              + secretName + "' not found")));
    }
    return secrets;
  }

  private Secret secret(ImageRepository repository, String name) throws ReconcileProblem {
    return cluster.secret(repository.getMetadata().getNamespace(), name)
        .orElseThrow(() -> authenticationFailed("secrets \"" + name + "\" not found"));
  }

  private static boolean named(LocalObjectReference reference) {
    return reference != null && reference.getName() != null;
  }

  static ReconcileProblem authenticationFailed(String why) {
    return ReconcileProblem.retry(ConditionReasons.AUTHENTICATION_FAILED,
        "failed to configure authentication options: " + why);
  }
}
