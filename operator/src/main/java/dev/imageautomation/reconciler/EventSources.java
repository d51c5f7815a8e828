package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.CrossNamespaceSourceReference;
import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.api.v1.ScanResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
 * reference it; a policy that selects a new image re-runs the automations of its namespace; a GitRepository whose
 * spec is edited re-runs the automations whose {@code sourceRef} names it. The predicates and
 * mappings are plain functions of (before, after) (tested without JOSDK); the factories wire them into JOSDK
 * informers, whose update filters receive (new, old).
 */
public final class EventSources {

  static final String BY_REPOSITORY = "imagepolicy.spec.imageRepositoryRef";
  static final String BY_SOURCE = "imageupdateautomation.spec.sourceRef";

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

  /**
   * Flux's predicate for GitRepository updates: only a spec edit (a new generation) matters; a new artifact or any
   * other status change does not, since the automation's own ls-remote notices new commits.
   */
  static boolean generationChanged(HasMetadata before, HasMetadata after) {
    return !Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration());
  }

  /** The index key of the GitRepository an automation's {@code sourceRef} resolves to: {@code namespace/name}. */
  static String sourceKey(ImageUpdateAutomation automation) {
    CrossNamespaceSourceReference ref = automation.getSpec().getSourceRef();
    if (ref == null) {
      return "";
    }
    String namespace = ref.getNamespace();
    return (namespace == null || namespace.isEmpty() ? automation.getMetadata().getNamespace() : namespace) + "/"
        + ref.getName();
  }

  static String sourceKey(GitRepository repository) {
    return repository.getMetadata().getNamespace() + "/" + repository.getMetadata().getName();
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
            .withItemStore(InformerStores.withoutManagedFields())
            .withOnUpdateFilter((newer, older) -> scanResultChanged(older, newer))
            .withSecondaryToPrimaryMapper(repository -> context.getPrimaryCache()
                .byIndex(BY_REPOSITORY, repositoryKey(repository)).stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet()));
    labelSelector.ifPresent(builder::withLabelSelector);
    return new InformerEventSource<>(builder.build(), context);
  }

  /**
   * ImagePolicy → the ImageUpdateAutomations of its namespace whose {@code policySelector} selects it. Flux wakes every
   * automation of the namespace; one that cannot select the policy would only re-read what it already has.
   */
  public static InformerEventSource<ImagePolicy, ImageUpdateAutomation> policiesForAutomations(
      EventSourceContext<ImageUpdateAutomation> context) {
    InformerEventSourceConfiguration<ImagePolicy> configuration =
        InformerEventSourceConfiguration.from(ImagePolicy.class, ImageUpdateAutomation.class)
            .withName("imagepolicies")
            .withNamespacesInheritedFromController()
            .withItemStore(InformerStores.withoutManagedFields())
            .withOnAddFilter(policy -> false)
            .withOnDeleteFilter((policy, unknownState) -> false)
            .withOnUpdateFilter((newer, older) -> latestRefChanged(older, newer))
            .withSecondaryToPrimaryMapper(policy -> automationsSelecting(context, policy))
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  /** GitRepository (any namespace the operator watches) → the ImageUpdateAutomations whose sourceRef names it. */
  public static InformerEventSource<GitRepository, ImageUpdateAutomation> gitRepositoriesForAutomations(
      EventSourceContext<ImageUpdateAutomation> context) {
    context.getPrimaryCache().addIndexers(Map.of(BY_SOURCE, automation -> List.of(sourceKey(automation))));
    InformerEventSourceConfiguration<GitRepository> configuration =
        InformerEventSourceConfiguration.from(GitRepository.class, ImageUpdateAutomation.class)
            .withName("gitrepositories")
            .withNamespacesInheritedFromController()
            .withItemStore(InformerStores.withoutManagedFields())
            .withOnAddFilter(repository -> false)
            .withOnDeleteFilter((repository, unknownState) -> false)
            .withOnUpdateFilter((newer, older) -> generationChanged(older, newer))
            .withSecondaryToPrimaryMapper(repository -> context.getPrimaryCache()
                .byIndex(BY_SOURCE, sourceKey(repository)).stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet()))
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  private static Set<ResourceID> automationsSelecting(EventSourceContext<ImageUpdateAutomation> context,
      ImagePolicy policy) {
    return context.getPrimaryCache().list(policy.getMetadata().getNamespace())
        .filter(automation -> mightSelect(automation, policy))
        .map(ResourceID::fromResource).collect(Collectors.toSet());
  }

  /** Whether the automation's selector selects the policy; a selector that does not parse wakes it to report so. */
  static boolean mightSelect(ImageUpdateAutomation automation, ImagePolicy policy) {
    var selector = automation.getSpec().getPolicySelector();
    return LabelSelectors.problemWith(selector) != null
        || LabelSelectors.matches(selector, policy.getMetadata().getLabels());
  }
}
