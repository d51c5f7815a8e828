package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositorySpec;
import dev.imageautomation.api.v1.RegistryProvider;
import dev.imageautomation.registry.ConnectionSettings;
import dev.imageautomation.registry.CredentialSource;
import dev.imageautomation.registry.DockerConfigCredentials;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@link RegistryAccess} on the registry engine: parses {@code spec.image}, builds the credentials from
 * {@code spec.secretRef} (a {@code kubernetes.io/dockerconfigjson} or {@code kubernetes.io/dockercfg} Secret of the
 * repository's namespace; other Secret types are ignored, as in Flux), scans through {@link RegistryScanner} and
 * keeps tags per ImageRepository (namespace/name), so tenants never share a tag set.
 */
public final class ScannerRegistryAccess implements RegistryAccess {

  private final ClusterReader cluster;
  private final RegistryClientFactory clients;
  private final TagStore store;
  private final RegistryScanner scanner;

  public ScannerRegistryAccess(ClusterReader cluster, RegistryClientFactory clients, TagStore store, Clock clock) {
    this.cluster = cluster;
    this.clients = clients;
    this.store = store;
    this.scanner = new RegistryScanner(clients, store, clock);
  }

  @Override
  public String canonicalName(ImageRepository repository) throws ReconcileProblem {
    return imageOf(repository).canonicalName();
  }

  @Override
  public StoredTags scan(ImageRepository repository) throws ReconcileProblem {
    ImageRepositorySpec spec = repository.getSpec();
    ScanRequest request = new ScanRequest(keyOf(repository), imageOf(repository), credentialsOf(repository),
        connectionOf(spec), spec.effectiveExclusionList());
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
      return clients.clientFor(connectionOf(repository.getSpec()))
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

  private CredentialSource credentialsOf(ImageRepository repository) throws ReconcileProblem {
    ImageRepositorySpec spec = repository.getSpec();
    if (spec.effectiveProvider() != RegistryProvider.GENERIC) {
      throw ReconcileProblem.retry(ConditionReasons.AUTHENTICATION_FAILED, "failed to configure authentication "
          + "options: provider '" + spec.effectiveProvider().value() + "' is not available in this build");
    }
    if (spec.getSecretRef() == null || spec.getSecretRef().getName() == null) {
      return CredentialSource.ANONYMOUS;
    }
    String namespace = repository.getMetadata().getNamespace();
    String name = spec.getSecretRef().getName();
    Secret secret = cluster.secret(namespace, name).orElseThrow(() -> ReconcileProblem.retry(
        ConditionReasons.AUTHENTICATION_FAILED, "failed to configure authentication options: "
            + "secrets \"" + name + "\" not found"));
    try {
      return dockerConfigOf(secret);
    } catch (IllegalArgumentException e) {
      throw ReconcileProblem.retry(ConditionReasons.AUTHENTICATION_FAILED,
          "failed to configure authentication options: secret '" + name + "': " + e.getMessage());
    }
  }

  private static CredentialSource dockerConfigOf(Secret secret) {
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    if ("kubernetes.io/dockerconfigjson".equals(secret.getType()) && data.containsKey(".dockerconfigjson")) {
      return DockerConfigCredentials.fromDockerConfigJson(Base64.getDecoder().decode(data.get(".dockerconfigjson")));
    }
    if ("kubernetes.io/dockercfg".equals(secret.getType()) && data.containsKey(".dockercfg")) {
      return DockerConfigCredentials.fromDockerCfg(Base64.getDecoder().decode(data.get(".dockercfg")));
    }
    return CredentialSource.ANONYMOUS;
  }

  private static ConnectionSettings connectionOf(ImageRepositorySpec spec) {
    return ConnectionSettings.defaults(spec.effectiveTimeout()).withInsecure(spec.allowsInsecure());
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
