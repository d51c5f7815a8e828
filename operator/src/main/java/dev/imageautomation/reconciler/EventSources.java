package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.api.v1.ScanResult;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The secondary watches that make the chain fast: a repository whose scan result changes re-runs the policies that
 * reference it; a policy that selects a new image re-runs the automations of its namespace. The predicates and
 * mappings are plain functions (tested without JOSDK); the factories wire them into JOSDK informers.
 */
public final class EventSources {

  static final String BY_REPOSITORY = "imagepolicy.spec.imageRepositoryRef";

  private EventSources() {}

  /** Flux's predicate: a repository update matters when it has a scan result whose revision is new. */
  static boolean scanResultChanged(ImageRepository before, ImageRepository after) {
    Optional<ScanResult> now = Optional.ofNullable(after.getStatus()).map(s -> s.getLastScanResult());
    Optional<ScanResult> then = Optional.ofNullable(before.getStatus()).map(s -> s.getLastScanResult());
    return now.isPresent()
        && (then.isEmpty() || !Objects.equals(then.get().getRevision(), now.get().getRevision()));
  }

  /** Flux's predicate: a policy update matters when it has a latestRef that differs (name, tag or digest). */
  static boolean latestRefChanged(ImagePolicy before, ImagePolicy after) {
    Object now = after.getStatus() == null ? null : after.getStatus().getLatestRef();
    Object then = before.getStatus() == null ? null : before.getStatus().getLatestRef();
    return now != null && !now.equals(then);
  }

  /** The index key of the repository a policy references: {@code namespace/name}. */
  static String repositoryKey(ImagePolicy policy) {
    String namespace = policy.getSpec().getImageRepositoryRef().getNamespace();
    return (namespace == null || namespace.isEmpty() ? policy.getMetadata().getNamespace() : namespace) + "/"
        + policy.getSpec().getImageRepositoryRef().getName();
  }

  static String repositoryKey(ImageRepository repository) {
    return repository.getMetadata().getNamespace() + "/" + repository.getMetadata().getName();
  }

  /** ImageRepository → the ImagePolicies (any namespace) that reference it. */
  public static InformerEventSource<ImageRepository, ImagePolicy> repositoriesForPolicies(
      EventSourceContext<ImagePolicy> context, Optional<String> labelSelector) {
    context.getPrimaryCache().addIndexers(Map.of(BY_REPOSITORY, policy -> List.of(repositoryKey(policy))));
    InformerEventSourceConfiguration.Builder<ImageRepository> builder =
        InformerEventSourceConfiguration.from(ImageRepository.class, ImagePolicy.class)
            .withName("imagerepositories")
            .withNamespacesInheritedFromController()
            .withOnUpdateFilter(EventSources::scanResultChanged)
            .withSecondaryToPrimaryMapper(repository -> context.getPrimaryCache()
                .byIndex(BY_REPOSITORY, repositoryKey(repository)).stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet()));
    labelSelector.ifPresent(builder::withLabelSelector);
    return new InformerEventSource<>(builder.build(), context);
  }

  /** ImagePolicy → every ImageUpdateAutomation of its namespace (whatever its selector, as Flux does). */
  public static InformerEventSource<ImagePolicy, ImageUpdateAutomation> policiesForAutomations(
      EventSourceContext<ImageUpdateAutomation> context) {
    InformerEventSourceConfiguration<ImagePolicy> configuration =
        InformerEventSourceConfiguration.from(ImagePolicy.class, ImageUpdateAutomation.class)
            .withName("imagepolicies")
            .withNamespacesInheritedFromController()
            .withOnAddFilter(policy -> false)
            .withOnDeleteFilter((policy, unknownState) -> false)
            .withOnUpdateFilter(EventSources::latestRefChanged)
            .withSecondaryToPrimaryMapper(policy -> automationsOf(context, policy.getMetadata().getNamespace()))
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  private static Set<ResourceID> automationsOf(EventSourceContext<ImageUpdateAutomation> context, String namespace) {
    return context.getPrimaryCache().list(namespace).map(ResourceID::fromResource).collect(Collectors.toSet());
  }
}
