package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ClusterReader} over the API server. Reads are direct GETs, not informer caches, as Flux reads Secrets:
 * always current, and nothing cached that the operator does not watch. A missing object (or a missing CRD, such as
 * GitRepository on a cluster without Flux's source-controller) reads as absent.
 */
public final class KubernetesCluster implements ClusterReader {

  private final KubernetesClient client;

  public KubernetesCluster(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<ImageRepository> imageRepository(String namespace, String name) {
    return get(ImageRepository.class, namespace, name);
  }

  @Override
  public List<ImageRepository> imageRepositories(String namespace) {
    return list(ImageRepository.class, namespace);
  }

  @Override
  public List<ImagePolicy> imagePolicies(String namespace) {
    return list(ImagePolicy.class, namespace);
  }

  @Override
  public List<ImageUpdateAutomation> imageUpdateAutomations(String namespace) {
    return list(ImageUpdateAutomation.class, namespace);
  }

  @Override
  public Optional<GitRepository> gitRepository(String namespace, String name) {
    return get(GitRepository.class, namespace, name);
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return get(Secret.class, namespace, name);
  }

  @Override
  public Optional<ServiceAccount> serviceAccount(String namespace, String name) {
    return get(ServiceAccount.class, namespace, name);
  }

  @Override
  public String serviceAccountToken(String namespace, String name, String audience) {
    // the API server's default lifetime (one hour), as Flux asks: the cloud credentials outlive it anyway
    TokenRequest request = new TokenRequestBuilder().withNewSpec().withAudiences(audience).endSpec().build();
    return client.serviceAccounts().inNamespace(namespace).withName(name).tokenRequest(request).getStatus()
        .getToken();
  }

  @Override
  public Map<String, String> namespaceLabels(String namespace) {
    Namespace found = ignoringNotFound(() -> client.namespaces().withName(namespace).get());
    return found == null || found.getMetadata().getLabels() == null ? Map.of() : found.getMetadata().getLabels();
  }

  private <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
    return Optional.ofNullable(ignoringNotFound(() -> client.resources(type).inNamespace(namespace).withName(name)
        .get()));
  }

  private <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
    return client.resources(type).inNamespace(namespace).list().getItems();
  }

  private static <T> T ignoringNotFound(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
    }
  }
}
