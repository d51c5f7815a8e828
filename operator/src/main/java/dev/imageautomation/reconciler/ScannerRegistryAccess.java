package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositorySpec;
import dev.imageautomation.api.v1.RegistryProvider;
import dev.imageautomation.registry.ConnectionSettings;
import dev.imageautomation.registry.CredentialSource;
import dev.imageautomation.kube.SecretCredentials;
import dev.imageautomation.registry.CredentialProviders;
import dev.imageautomation.registry.ImageReference;
import dev.imageautomation.registry.InvalidImageReferenceException;
import dev.imageautomation.registry.RegistryClientFactory;
import dev.imageautomation.registry.RegistryException;
import dev.imageautomation.registry.RegistryScanner;
import dev.imageautomation.registry.ScanOutcome;
import dev.imageautomation.registry.ScanRequest;
import dev.imageautomation.registry.TagStore;
import dev.imageautomation.registry.TagStoreKey;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Clock;
import java.util.List;

/**
 * {@link RegistryAccess} on the registry engine: parses {@code spec.image}, builds the credentials from the cloud
 * {@code provider} or {@code spec.secretRef} (a {@code kubernetes.io/dockerconfigjson} or
 * {@code kubernetes.io/dockercfg} Secret of the repository's namespace; other Secret types are ignored, as in
 * Flux), the TLS and proxy settings from {@code certSecretRef}/{@code proxySecretRef}, scans through
 * {@link RegistryScanner} and keeps tags per ImageRepository (namespace/name), so tenants never share a tag set.
 * Secrets are read through {@link ClusterReader}, so the {@code run} command reads them from files.
 */
public final class ScannerRegistryAccess implements RegistryAccess {

  private final ClusterReader cluster;
  private final RegistryClientFactory clients;
  private final TagStore store;
  private final RegistryScanner scanner;
  private final CredentialProviders providers;

  public ScannerRegistryAccess(ClusterReader cluster, RegistryClientFactory clients, TagStore store, Clock clock) {
    this.cluster = cluster;
    this.clients = clients;
    this.store = store;
    this.scanner = new RegistryScanner(clients, store, clock);
    this.providers = new CredentialProviders(clock);
  }

  @Override
  public String canonicalName(ImageRepository repository) throws ReconcileProblem {
    return imageOf(repository).canonicalName();
  }

  @Override
  public StoredTags scan(ImageRepository repository) throws ReconcileProblem {
    ImageRepositorySpec spec = repository.getSpec();
    ScanRequest request = new ScanRequest(keyOf(repository), imageOf(repository), credentialsOf(repository),
        connectionOf(repository), spec.effectiveExclusionList());
    try {
      ScanOutcome outcome = scanner.scan(request);
      return new StoredTags(store.get(request.key()).orElse(List.of()), outcome.revision());
    } catch (RegistryException e) {
      throw ReconcileProblem.retry(ConditionReasons.READ_OPERATION_FAILED, "scan failed: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // an exclusion pattern that does not compile is a wrong spec: retrying cannot help
      throw ReconcileProblem.stalled(ConditionReasons.READ_OPERATION_FAILED, "scan failed: " + e.getMessage());
    }
  }

  @Override
  public List<String> storedTags(ImageRepository repository) {
    return store.get(keyOf(repository)).orElse(List.of());
  }

  @Override
  public String digest(ImageRepository repository, String tag) throws ReconcileProblem {
    ImageReference image = imageOf(repository);
    try {
      return clients.clientFor(connectionOf(repository))
          .fetchDigest(image, tag, credentialsOf(repository));
    } catch (RegistryException e) {
      throw ReconcileProblem.retry(ConditionReasons.FAILED, "failed fetching digest of "
          + repository.getSpec().getImage() + ":" + tag + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void forget(ImageRepository repository) {
    store.delete(keyOf(repository));
  }

  /** Cloud provider credentials (fetched lazily, when the registry asks), or the pull Secret's, or none. */
  private CredentialSource credentialsOf(ImageRepository repository) throws ReconcileProblem {
    ImageRepositorySpec spec = repository.getSpec();
    if (spec.effectiveProvider() != RegistryProvider.GENERIC) {
      try {
        return providers.forName(spec.effectiveProvider().value()).map(CredentialSource.class::cast)
            .orElse(CredentialSource.ANONYMOUS);
      } catch (IllegalArgumentException e) {
        throw authenticationFailed(e.getMessage());
      }
    }
    if (spec.getSecretRef() == null || spec.getSecretRef().getName() == null) {
      return CredentialSource.ANONYMOUS;
    }
    Secret secret = secret(repository, spec.getSecretRef().getName());
    try {
      return SecretCredentials.dockerConfig(secret).map(CredentialSource.class::cast)
          .orElse(CredentialSource.ANONYMOUS);
    } catch (IllegalArgumentException e) {
      throw authenticationFailed(e.getMessage());
    }
  }

  /** Timeout, {@code insecure}, and the TLS and proxy Secrets. */
  private ConnectionSettings connectionOf(ImageRepository repository) throws ReconcileProblem {
    ImageRepositorySpec spec = repository.getSpec();
    ConnectionSettings settings = ConnectionSettings.defaults(spec.effectiveTimeout())
        .withInsecure(spec.allowsInsecure());
    try {
      if (spec.getCertSecretRef() != null && spec.getCertSecretRef().getName() != null) {
        settings = settings.withTls(SecretCredentials.tls(secret(repository, spec.getCertSecretRef().getName())));
      }
      if (spec.getProxySecretRef() != null && spec.getProxySecretRef().getName() != null) {
        settings = settings.withProxy(SecretCredentials.proxy(secret(repository,
            spec.getProxySecretRef().getName())));
      }
      return settings;
    } catch (IllegalArgumentException e) {
      throw authenticationFailed(e.getMessage());
    }
  }

  private Secret secret(ImageRepository repository, String name) throws ReconcileProblem {
    return cluster.secret(repository.getMetadata().getNamespace(), name)
        .orElseThrow(() -> authenticationFailed("secrets \"" + name + "\" not found"));
  }

  private static ReconcileProblem authenticationFailed(String why) {
    return ReconcileProblem.retry(ConditionReasons.AUTHENTICATION_FAILED,
        "failed to configure authentication options: " + why);
  }

  private static ImageReference imageOf(ImageRepository repository) throws ReconcileProblem {
    try {
      return ImageReference.parse(repository.getSpec().getImage());
    } catch (InvalidImageReferenceException e) {
      throw ReconcileProblem.stalled(ConditionReasons.IMAGE_URL_INVALID, e.getMessage());
    }
  }

  private static TagStoreKey keyOf(ImageRepository repository) {
    return new TagStoreKey(repository.getMetadata().getNamespace(), repository.getMetadata().getName());
  }
}
