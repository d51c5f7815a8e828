package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ApiGroups;
import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.DigestReflectionPolicy;
import dev.imageautomation.api.v1.GoDuration;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImagePolicySpec;
import dev.imageautomation.api.v1.ImagePolicyStatus;
import dev.imageautomation.api.v1.ImageRef;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.config.OperatorConfig;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ImagePolicy: select the latest of the repository's stored tags, reflect its digest when asked, report
 * {@code status.latestRef}. Re-runs the moment its repository's scan result changes (see {@link EventSources}).
 */
@ControllerConfiguration(
    name = "imagepolicy",
    finalizerName = Finalizers.FINALIZER,
    generationAwareEventProcessing = false)
public final class ImagePolicyReconciler implements Reconciler<ImagePolicy>, Cleaner<ImagePolicy> {

  static final String KIND = "ImagePolicy";

  private final ClusterReader cluster;
  private final boolean noCrossNamespaceRefs;
  private final RegistryAccess registry;
  private final TagSelection selection;
  private final StatusRecorder recorder;
  private final Duration requeueDependency;
  private final Optional<String> labelSelector;
  private final WorkloadIdentityPolicy workloadIdentity;

  public ImagePolicyReconciler(ClusterReader cluster, RegistryAccess registry, TagSelection selection,
      StatusRecorder recorder, OperatorConfig config) {
    this.cluster = cluster;
    this.noCrossNamespaceRefs = config.noCrossNamespaceRefs();
    this.registry = registry;
    this.selection = selection;
    this.recorder = recorder;
    this.requeueDependency = config.requeueDependency();
    this.labelSelector = config.watchLabelSelector();
    this.workloadIdentity = WorkloadIdentityPolicy.of(config);
  }

  /** One reconcile: resolve the repository, select, reflect the digest, write status, events and metrics. */
  public Verdict reconcileOnce(ImagePolicy policy) {
    return reconcileOnce(policy, cluster);
  }

  /** One reconcile that reads the ImageRepository through {@code reader}. */
  Verdict reconcileOnce(ImagePolicy policy, ClusterReader reader) {
    ImagePolicyStatus status = statusOf(policy);
    StatusRecorder.Run run = recorder.start(KIND, policy, status.getConditions(), status);
    status.setLastHandledReconcileAt(JosdkControls.requestedAt(policy));
    if (policy.getSpec().suspended()) {
      return run.suspended();
    }
    status.setConditions(run.progressing(status.getConditions()));
    Verdict verdict;
    try {
      ImageRef latest = select(policy, new RepositoryAccess(reader, noCrossNamespaceRefs));
      if (!latest.equals(status.getLatestRef())) {
        status.setObservedPreviousRef(status.getLatestRef());
        status.setLatestRef(latest);
      }
      status.setLatestImage(latest.toImage());
      Duration interval = policy.getSpec().effectiveInterval();
      verdict = Verdict.ready(ConditionReasons.SUCCEEDED, readyMessage(status),
          interval.isZero() ? Optional.empty() : Optional.of(interval));
    } catch (ReconcileProblem problem) {
      verdict = Verdict.of(problem);
    }
    status.setConditions(run.conclude(status.getConditions(), verdict, verdict.message()));
    status.setObservedGeneration(run.generation());
    return verdict;
  }

  private ImageRef select(ImagePolicy policy, RepositoryAccess access) throws ReconcileProblem {
    ImagePolicySpec spec = policy.getSpec();
    requireIntervalWhenAlways(spec);
    ImageRepository repository = access.repositoryOf(policy);
    registry.canonicalName(repository);
    workloadIdentity.requireGate(repository.getSpec(), WorkloadIdentityPolicy.POLICY_GATE_MESSAGE);
    selection.validate(spec);
    List<String> tags = registry.storedTags(repository);
    if (tags.isEmpty()) {
      throw ReconcileProblem.waitFor(ConditionReasons.DEPENDENCY_NOT_READY, "retrying in "
          + GoDuration.format(requeueDependency.withNanos(0)) + " error: no tags in database", requeueDependency);
    }
    String tag = selection.latest(spec, tags);
    String image = repository.getSpec().getImage();
    return new ImageRef(image, tag, digest(spec, repository, tag, policy.getStatus().getLatestRef()));
  }

  /** Flux's digest reflection: never, once per selected tag, or on every reconcile. */
  private String digest(ImagePolicySpec spec, ImageRepository repository, String tag, ImageRef current)
      throws ReconcileProblem {
    DigestReflectionPolicy reflection = spec.effectiveDigestReflectionPolicy();
    if (reflection == DigestReflectionPolicy.NEVER) {
      return null;
    }
    boolean known = current != null && Objects.equals(current.getName(), repository.getSpec().getImage())
        && Objects.equals(current.getTag(), tag) && current.getDigest() != null && !current.getDigest().isEmpty();
    if (reflection == DigestReflectionPolicy.IF_NOT_PRESENT && known) {
      return current.getDigest();
    }
    return registry.digest(repository, tag);
  }

  private static void requireIntervalWhenAlways(ImagePolicySpec spec) throws ReconcileProblem {
    boolean noInterval = spec.getInterval() == null || spec.getInterval().isEmpty();
    if (spec.effectiveDigestReflectionPolicy() == DigestReflectionPolicy.ALWAYS && noInterval) {
      throw ReconcileProblem.stalled(ConditionReasons.INTERVAL_NOT_CONFIGURED,
          "spec.interval must be set when spec.digestReflectionPolicy is set to 'Always'");
    }
  }

  /** {@code Latest image tag for <name> resolved to <tag>[ with digest <d>][ (previously <name>:<tag>[@<d>])]}. */
  static String readyMessage(ImagePolicyStatus status) {
    ImageRef latest = status.getLatestRef();
    StringBuilder message = new StringBuilder("Latest image tag for ").append(latest.getName())
        .append(" resolved to ").append(latest.getTag());
    if (hasDigest(latest)) {
      message.append(" with digest ").append(latest.getDigest());
    }
    ImageRef previous = status.getObservedPreviousRef();
    if (previous != null && !previous.equals(latest)) {
      message.append(" (previously ").append(previous.getName()).append(':').append(previous.getTag());
      if (hasDigest(previous)) {
        message.append('@').append(previous.getDigest());
      }
      message.append(')');
    }
    return message.toString();
  }

  private static boolean hasDigest(ImageRef ref) {
    return ref.getDigest() != null && !ref.getDigest().isEmpty();
  }

  private static ImagePolicyStatus statusOf(ImagePolicy policy) {
    if (policy.getStatus() == null) {
      policy.setStatus(new ImagePolicyStatus());
    }
    return policy.getStatus();
  }

  @Override
  public List<EventSource<?, ImagePolicy>> prepareEventSources(EventSourceContext<ImagePolicy> context) {
    return List.of(EventSources.repositoriesForPolicies(context, labelSelector));
  }

  @Override
  public DeleteControl cleanup(ImagePolicy policy, Context<ImagePolicy> context) {
    recorder.forget(KIND, policy);
    Finalizers.releaseFlux(policy, context);
    return DeleteControl.defaultDelete();
  }

  @Override
  public UpdateControl<ImagePolicy> reconcile(ImagePolicy policy, Context<ImagePolicy> context) throws RetryLater {
    return JosdkControls.toControl(policy, reconcileOnce(policy, InformerCachedCluster.over(cluster, context)));
  }

  @Override
  public ErrorStatusUpdateControl<ImagePolicy> updateErrorStatus(
      ImagePolicy policy, Context<ImagePolicy> context, Exception e) {
    return JosdkControls.errorStatus(e);
  }
}
