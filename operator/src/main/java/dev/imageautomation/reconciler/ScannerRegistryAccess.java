package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositorySpec;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@link RegistryAccess} on the registry engine: parses {@code spec.image}, gets the credentials, TLS and proxy
 * settings from {@link RegistryAuthOptions}, scans through {@link RegistryScanner} and keeps tags per
 * ImageRepository (namespace/name), so tenants never share a tag set.
 */
public final class ScannerRegistryAccess implements RegistryAccess {

  private final RegistryClientFactory clients;
  private final TagStore store;
  private final RegistryScanner scanner;
  private final RegistryAuthOptions auth;

  /** With Flux's defaults: the ObjectLevelWorkloadIdentity gate off, no default ServiceAccount. */
  public ScannerRegistryAccess(ClusterReader cluster, RegistryClientFactory clients, TagStore store, Clock clock) {
    this(cluster, clients, store, clock, new WorkloadIdentityPolicy(false, Optional.empty()));
  }

  /** Cloud providers may authenticate as ServiceAccounts of the cluster, as {@code workloadIdentity} allows. */
  public ScannerRegistryAccess(ClusterReader cluster, RegistryClientFactory clients, TagStore store, Clock clock,
      WorkloadIdentityPolicy workloadIdentity) {
    this(new RegistryAuthOptions(cluster, new CredentialProviders(clock, WorkloadIdentityPolicy.tokensFrom(cluster)),
        workloadIdentity), clients, store, clock);
  }

  ScannerRegistryAccess(RegistryAuthOptions auth, RegistryClientFactory clients, TagStore store, Clock clock) {
    this.auth = auth;
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
    ScanRequest request = new ScanRequest(keyOf(repository), imageOf(repository), auth.credentials(repository),
        auth.connection(repository), spec.effectiveExclusionList());
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
      return clients.clientFor(auth.connection(repository))
          .fetchDigest(image, tag, auth.credentials(repository));
    } catch (RegistryException e) {
      throw ReconcileProblem.retry(ConditionReasons.FAILED, "failed fetching digest of "
          + repository.getSpec().getImage() + ":" + tag + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void forget(ImageRepository repository) {
    store.delete(keyOf(repository));
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
