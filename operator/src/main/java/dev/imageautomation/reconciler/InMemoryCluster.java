package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An object store for the {@code run} command and for tests: the objects read from files, reconciled in place.
 * Objects are kept by kind, namespace and name; the last one added with the same identity wins.
 */
public final class InMemoryCluster implements ClusterReader {

  private final Map<String, HasMetadata> objects = new ConcurrentHashMap<>();
  private volatile TokenIssuer tokens = (namespace, name, audience) -> {
    throw new IllegalStateException("no API server to issue a token (TokenRequest) for service account '"
        + namespace + "/" + name + "'");
  };

  /** Issues ServiceAccount tokens as an API server would (for tests); the {@code run} command has none. */
  @FunctionalInterface
  public interface TokenIssuer {
    String issue(String namespace, String name, String audience);
  }

  /** Adds or replaces an object (ImageRepository, ImagePolicy, ImageUpdateAutomation, GitRepository, Secret,
   * ServiceAccount or Namespace). */
  public InMemoryCluster add(HasMetadata object) {
    objects.put(key(object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName()), object);
    return this;
  }

  /** Answers {@link #serviceAccountToken} with {@code issuer} instead of failing. */
  public InMemoryCluster issuingTokens(TokenIssuer issuer) {
    this.tokens = issuer;
    return this;
  }

  /** Every object of {@code type}, ordered by namespace and name (the order {@code kubectl get -A} prints). */
  public <T extends HasMetadata> List<T> all(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (HasMetadata object : objects.values()) {
      if (type.isInstance(object)) {
        found.add(type.cast(object));
      }
    }
    found.sort(Comparator.comparing((T o) -> String.valueOf(o.getMetadata().getNamespace()))
        .thenComparing(o -> o.getMetadata().getName()));
    return found;
  }

  @Override
  public Optional<ImageRepository> imageRepository(String namespace, String name) {
    return find(ImageRepository.class, "ImageRepository", namespace, name);
  }

  @Override
  public List<ImageRepository> imageRepositories(String namespace) {
    return inNamespace(ImageRepository.class, namespace);
  }

  @Override
  public List<ImagePolicy> imagePolicies(String namespace) {
    return inNamespace(ImagePolicy.class, namespace);
  }

  @Override
  public List<ImageUpdateAutomation> imageUpdateAutomations(String namespace) {
    return inNamespace(ImageUpdateAutomation.class, namespace);
  }

  @Override
  public Optional<GitRepository> gitRepository(String namespace, String name) {
    return find(GitRepository.class, "GitRepository", namespace, name);
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return find(Secret.class, "Secret", namespace, name);
  }

  @Override
  public Optional<ServiceAccount> serviceAccount(String namespace, String name) {
    return find(ServiceAccount.class, "ServiceAccount", namespace, name);
  }

  @Override
  public String serviceAccountToken(String namespace, String name, String audience) {
    return tokens.issue(namespace, name, audience);
  }

  @Override
  public Map<String, String> namespaceLabels(String namespace) {
    return find(Namespace.class, "Namespace", null, namespace)
        .map(n -> n.getMetadata().getLabels() == null ? Map.<String, String>of() : n.getMetadata().getLabels())
        .orElse(Map.of());
  }

  private <T extends HasMetadata> List<T> inNamespace(Class<T> type, String namespace) {
    return all(type).stream().filter(o -> namespace.equals(o.getMetadata().getNamespace())).toList();
  }

  private <T extends HasMetadata> Optional<T> find(Class<T> type, String kind, String namespace, String name) {
    return Optional.ofNullable(objects.get(key(kind, namespace, name))).filter(type::isInstance).map(type::cast);
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
  }
}
