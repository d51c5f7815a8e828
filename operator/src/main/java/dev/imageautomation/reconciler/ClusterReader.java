package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects a reconcile reads besides its own: over the Kubernetes API in the operator, over the objects read
 * from files in the {@code run} command. Absent objects are empty results, not errors.
 */
public interface ClusterReader {

  Optional<ImageRepository> imageRepository(String namespace, String name);

  List<ImageRepository> imageRepositories(String namespace);

  List<ImagePolicy> imagePolicies(String namespace);

  List<ImageUpdateAutomation> imageUpdateAutomations(String namespace);

  Optional<GitRepository> gitRepository(String namespace, String name);

  Optional<Secret> secret(String namespace, String name);

  /** For {@code spec.serviceAccountName}: its {@code imagePullSecrets}, or the cloud identity it is annotated with. */
  Optional<ServiceAccount> serviceAccount(String namespace, String name);

  /**
   * A token for the ServiceAccount whose {@code aud} is {@code audience} (the TokenRequest API), which a cloud's
   * token service exchanges for credentials (object-level workload identity).
   *
   * @throws RuntimeException when the token cannot be issued (refused, account gone, no API server)
   */
  String serviceAccountToken(String namespace, String name, String audience);

  /** The labels of a namespace (for {@code accessFrom} selectors); empty when it does not exist. */
  Map<String, String> namespaceLabels(String namespace);
}
