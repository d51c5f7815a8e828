package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ApiGroups;
import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GoDuration;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRef;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.api.v1.ImageUpdateAutomationStatus;
import dev.imageautomation.config.OperatorConfig;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ImageUpdateAutomation: apply the selected policies to the Git source, commit, push; report
 * {@code lastPushCommit}, {@code observedPolicies} and {@code observedSourceRevision}. Re-runs the moment a policy
 * of its namespace selects a new image or its GitRepository's spec is edited (see {@link EventSources}); a run with
 * nothing new (same spec, same images, branch unmoved) ends after an ls-remote, as Flux's does.
 */
@ControllerConfiguration(
    name = "imageupdateautomation",
    finalizerName = Finalizers.FINALIZER,
    generationAwareEventProcessing = false)
public final class ImageUpdateAutomationReconciler
    implements Reconciler<ImageUpdateAutomation>, Cleaner<ImageUpdateAutomation> {

  static final String KIND = "ImageUpdateAutomation";
  static final String UP_TO_DATE = "repository up-to-date";
  static final String NO_CHANGE = "no change since last reconciliation";

  private final ClusterReader cluster;
  private final boolean noCrossNamespaceRefs;
  private final SourceUpdater updater;
  private final StatusRecorder recorder;

  public ImageUpdateAutomationReconciler(ClusterReader cluster, SourceUpdater updater, StatusRecorder recorder,
      OperatorConfig config) {
    this.cluster = cluster;
    this.noCrossNamespaceRefs = config.noCrossNamespaceRefs();
    this.updater = updater;
    this.recorder = recorder;
  }

  /** What a run did: how it ended and, when it got that far, the update's result. */
  public record Outcome(Verdict verdict, Optional<SourceUpdater.UpdateResult> result) {}

  public Outcome reconcileOnce(ImageUpdateAutomation automation, SourceUpdater.Mode mode) {
    return reconcileOnce(automation, mode, cluster);
  }

  /** One run that reads the GitRepository and the policies through {@code reader}. */
  Outcome reconcileOnce(ImageUpdateAutomation automation, SourceUpdater.Mode mode, ClusterReader reader) {
    ImageUpdateAutomationStatus status = statusOf(automation);
    StatusRecorder.Run run = recorder.start(KIND, automation, status.getConditions(), status);
    if (automation.getSpec().suspended()) {
      return new Outcome(run.suspended(), Optional.empty());
    }
    status.setLastAutomationRunTime(recorder.now());
    status.setConditions(run.progressing(status.getConditions()));
    Verdict verdict;
    Optional<SourceUpdater.UpdateResult> result = Optional.empty();
    String traceMessage = UP_TO_DATE;
    try {
      SourceUpdater.UpdatePlan plan = new AutomationPlanner(reader, noCrossNamespaceRefs).plan(automation, mode);
      if (mode == SourceUpdater.Mode.PUSH && nothingNewSinceLastRun(automation, plan)) {
        traceMessage = NO_CHANGE;
      } else {
        result = Optional.of(updater.update(plan));
        record(status, plan, result.get());
      }
      verdict = Verdict.ready(ConditionReasons.SUCCEEDED, UP_TO_DATE, Optional.of(interval(automation)));
    } catch (ReconcileProblem problem) {
      verdict = Verdict.of(problem);
    }
    status.setLastHandledReconcileAt(JosdkControls.requestedAt(automation));
    Optional<String> pushSummary = result.flatMap(SourceUpdater.UpdateResult::commit)
        .filter(SourceUpdater.Commit::pushed).map(ImageUpdateAutomationReconciler::pushSummary);
    status.setConditions(run.concludeAutomation(status.getConditions(), verdict, pushSummary, traceMessage));
    status.setObservedGeneration(run.generation());
    return new Outcome(verdict, result);
  }

  /**
   * Flux's short-circuit (automation spec §4.2): same spec, same selected images and the branch still where the last
   * run left it mean nothing can change, so the run ends without a clone. The spec check is ours: Flux would skip a
   * changed {@code update.path} or template until the branch or a policy moves.
   */
  private boolean nothingNewSinceLastRun(ImageUpdateAutomation automation, SourceUpdater.UpdatePlan plan) {
    ImageUpdateAutomationStatus status = automation.getStatus();
    return status.getObservedSourceRevision() != null
        && Objects.equals(status.getObservedGeneration(), automation.getMetadata().getGeneration())
        && observedPoliciesOf(plan).equals(status.getObservedPolicies())
        && updater.unchangedSince(plan, status.getObservedSourceRevision());
  }

  private static Map<String, ImageRef> observedPoliciesOf(SourceUpdater.UpdatePlan plan) {
    Map<String, ImageRef> observed = new LinkedHashMap<>();
    for (ImagePolicy policy : plan.policies()) {
      ImageRef latest = policy.getStatus().getLatestRef();
      observed.put(policy.getMetadata().getName(), new ImageRef(latest.getName(), latest.getTag(),
          latest.getDigest()));
    }
    return observed;
  }

  private void record(ImageUpdateAutomationStatus status, SourceUpdater.UpdatePlan plan,
      SourceUpdater.UpdateResult result) {
    status.setObservedPolicies(observedPoliciesOf(plan));
    status.setObservedSourceRevision(result.sourceRevision());
    result.commit().filter(SourceUpdater.Commit::pushed).ifPresent(commit -> {
      status.setLastPushCommit(commit.sha());
      status.setLastPushTime(recorder.now());
    });
  }

  /** Flux's event text: {@code pushed commit '<short>' to branch '<b>'[ and refspecs '<r>']} + newline + message. */
  static String pushSummary(SourceUpdater.Commit commit) {
    String refspec = commit.refspec().map(r -> " and refspecs '" + r + "'").orElse("");
    return "pushed commit '" + commit.sha().substring(0, Math.min(7, commit.sha().length())) + "' to branch '"
        + commit.branch() + "'" + refspec + "\n" + commit.message();
  }

  private static java.time.Duration interval(ImageUpdateAutomation automation) throws ReconcileProblem {
    try {
      return GoDuration.parse(automation.getSpec().getInterval());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ReconcileProblem.stalled(ConditionReasons.FAILED, "invalid spec.interval '"
          + automation.getSpec().getInterval() + "': expected a duration such as 5m");
    }
  }

  private static ImageUpdateAutomationStatus statusOf(ImageUpdateAutomation automation) {
    if (automation.getStatus() == null) {
      automation.setStatus(new ImageUpdateAutomationStatus());
    }
    return automation.getStatus();
  }

  @Override
  public List<EventSource<?, ImageUpdateAutomation>> prepareEventSources(
      EventSourceContext<ImageUpdateAutomation> context) {
    return List.of(EventSources.policiesForAutomations(context), EventSources.gitRepositoriesForAutomations(context));
  }

  @Override
  public UpdateControl<ImageUpdateAutomation> reconcile(ImageUpdateAutomation automation,
      Context<ImageUpdateAutomation> context) throws RetryLater {
    return JosdkControls.toControl(automation, reconcileOnce(automation, SourceUpdater.Mode.PUSH,
        InformerCachedCluster.over(cluster, context)).verdict());
  }

  @Override
  public ErrorStatusUpdateControl<ImageUpdateAutomation> updateErrorStatus(
      ImageUpdateAutomation automation, Context<ImageUpdateAutomation> context, Exception e) {
    return JosdkControls.errorStatus(e);
  }

  @Override
  public DeleteControl cleanup(ImageUpdateAutomation automation, Context<ImageUpdateAutomation> context) {
    recorder.forget(KIND, automation);
    Finalizers.releaseFlux(automation, context);
    return DeleteControl.defaultDelete();
  }
}
