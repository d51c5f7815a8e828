package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.AccessFrom;
import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositoryReference;
import dev.imageautomation.api.v1.NamespaceSelector;
import java.util.Map;

/**
 * Resolves an ImagePolicy's {@code imageRepositoryRef} with Flux's access rules: the same namespace always;
 * another namespace only without {@code --no-cross-namespace-refs} and when the repository's
 * {@code accessFrom.namespaceSelectors} match the policy namespace's labels (selectors ORed, labels ANDed).
 */
final class RepositoryAccess {

  private final ClusterReader cluster;
  private final boolean noCrossNamespaceRefs;

  RepositoryAccess(ClusterReader cluster, boolean noCrossNamespaceRefs) {
    this.cluster = cluster;
    this.noCrossNamespaceRefs = noCrossNamespaceRefs;
  }

  ImageRepository repositoryOf(ImagePolicy policy) throws ReconcileProblem {
    String policyNamespace = policy.getMetadata().getNamespace();
    ImageRepositoryReference ref = policy.getSpec().getImageRepositoryRef();
    String namespace = ref.getNamespace() == null || ref.getNamespace().isEmpty() ? policyNamespace
        : ref.getNamespace();
    boolean crossNamespace = !namespace.equals(policyNamespace);
    if (crossNamespace && noCrossNamespaceRefs) {
      throw ReconcileProblem.retry(ConditionReasons.ACCESS_DENIED, "cannot access 'ImageRepository/" + namespace
          + "/" + ref.getName() + "', cross-namespace references have been blocked");
    }
    ImageRepository repository = cluster.imageRepository(namespace, ref.getName())
        .orElseThrow(() -> ReconcileProblem.retry(ConditionReasons.DEPENDENCY_NOT_READY,
            "referenced ImageRepository does not exist: imagerepositories.image.toolkit.fluxcd.io \""
                + ref.getName() + "\" not found"));
    if (crossNamespace) {
      checkAccessFrom(repository, policyNamespace);
    }
    return repository;
  }

  private void checkAccessFrom(ImageRepository repository, String policyNamespace) throws ReconcileProblem {
    String target = repository.getMetadata().getNamespace() + "/" + repository.getMetadata().getName();
    AccessFrom accessFrom = repository.getSpec().getAccessFrom();
    if (accessFrom == null || accessFrom.getNamespaceSelectors() == null) {
      throw denied("'" + target + "' can't be accessed due to missing ACL labels on 'accessFrom'");
    }
    Map<String, String> labels = cluster.namespaceLabels(policyNamespace);
    for (NamespaceSelector selector : accessFrom.getNamespaceSelectors()) {
      Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
      if (labels.entrySet().containsAll(wanted.entrySet())) {
        return;
      }
    }
    throw denied("'" + target + "' can't be accessed due to ACL labels mismatch on namespace '"
        + policyNamespace + "'");
  }

  private static ReconcileProblem denied(String why) {
    return ReconcileProblem.retry(ConditionReasons.ACCESS_DENIED,
        "failed to get the referred ImageRepository: access denied: " + why);
  }
}
