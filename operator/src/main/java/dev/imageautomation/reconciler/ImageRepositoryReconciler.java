package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ApiGroups;
import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GoDuration;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositoryStatus;
import dev.imageautomation.api.v1.ScanResult;
import dev.imageautomation.config.OperatorConfig;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ImageRepository: scan the registry when due, store the tags, report {@code status.lastScanResult}, reschedule at
 * {@code spec.interval}. {@link #reconcileOnce} is the recipe, shared by JOSDK and the {@code run} command.
 */
@ControllerConfiguration(
    name = "imagerepository",
    finalizerName = Finalizers.FINALIZER,
    generationAwareEventProcessing = false)
public final class ImageRepositoryReconciler implements Reconciler<ImageRepository>, Cleaner<ImageRepository> {

  static final String KIND = "ImageRepository";

  private final RegistryAccess registry;
  private final StatusRecorder recorder;
  private final Duration minInterval;
  private final WorkloadIdentityPolicy workloadIdentity;

  public ImageRepositoryReconciler(RegistryAccess registry, StatusRecorder recorder, OperatorConfig config) {
    this.registry = registry;
    this.recorder = recorder;
    this.minInterval = config.minInterval();
    this.workloadIdentity = WorkloadIdentityPolicy.of(config);
  }

  /** One reconcile: decides, scans when due, writes status, events and metrics; returns how it ended. */
  public Verdict reconcileOnce(ImageRepository repository) {
    ImageRepositoryStatus status = statusOf(repository);
    StatusRecorder.Run run = recorder.start(KIND, repository, status.getConditions(), status);
    if (repository.getSpec().suspended()) {
      status.setLastHandledReconcileAt(JosdkControls.requestedAt(repository));
      return run.suspended();
    }
    status.setConditions(run.progressing(status.getConditions()));
    Verdict verdict;
    String trace;
    try {
      workloadIdentity.requireGate(repository.getSpec(), WorkloadIdentityPolicy.REPOSITORY_GATE_MESSAGE);
      String canonicalName = registry.canonicalName(repository);
      ScanSchedule schedule = schedule(repository, canonicalName, run.startedAt());
      trace = schedule.reason().isPresent() ? scan(repository, status, schedule) : "no change in repository "
          + "configuration since last scan, next scan in " + GoDuration.format(schedule.next());
      status.setCanonicalImageName(canonicalName);
      status.setObservedExclusionList(List.copyOf(repository.getSpec().effectiveExclusionList()));
      verdict = Verdict.ready(ConditionReasons.SUCCEEDED, readyMessage(status.getLastScanResult()),
          Optional.of(schedule.next()));
    } catch (ReconcileProblem problem) {
      verdict = Verdict.of(problem);
      trace = problem.getMessage();
    }
    status.setLastHandledReconcileAt(JosdkControls.requestedAt(repository));
    status.setConditions(run.conclude(status.getConditions(), verdict, trace));
    status.setObservedGeneration(run.generation());
    return verdict;
  }

  private ScanSchedule schedule(ImageRepository repository, String canonicalName, Instant now)
      throws ReconcileProblem {
    return ScanSchedule.decide(repository, canonicalName, registry.storedTags(repository).size(), now,
        interval(repository));
  }

  /** Scans, records the result; returns the trace event's message. */
  private String scan(ImageRepository repository, ImageRepositoryStatus status, ScanSchedule schedule)
      throws ReconcileProblem {
    String previousRevision = status.getLastScanResult() == null ? null : status.getLastScanResult().getRevision();
    RegistryAccess.StoredTags stored = registry.scan(repository);
    ScanResult result = new ScanResult();
    result.setTagCount(stored.tags().size());
    result.setRevision(stored.revision());
    result.setScanTime(recorder.now());
    result.setLatestTags(stored.tags().isEmpty() ? null : List.copyOf(stored.tags().subList(0,
        Math.min(10, stored.tags().size()))));
    status.setLastScanResult(result);
    String next = ", next scan in " + GoDuration.format(schedule.next());
    return stored.revision().equals(previousRevision) ? "tags did not change" + next : "successful scan" + next;
  }

  private Duration interval(ImageRepository repository) throws ReconcileProblem {
    try {
      Duration interval = GoDuration.parse(repository.getSpec().getInterval());
      return interval.compareTo(minInterval) < 0 ? minInterval : interval;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ReconcileProblem.stalled(ConditionReasons.FAILED,
          "invalid spec.interval '" + repository.getSpec().getInterval() + "': expected a duration such as 1m");
    }
  }

  static String readyMessage(ScanResult result) {
    return "successful scan: found " + result.getTagCount() + " tags with checksum " + result.getRevision();
  }

  private static ImageRepositoryStatus statusOf(ImageRepository repository) {
    if (repository.getStatus() == null) {
      repository.setStatus(new ImageRepositoryStatus());
    }
    return repository.getStatus();
  }

  @Override
  public UpdateControl<ImageRepository> reconcile(ImageRepository repository, Context<ImageRepository> context)
      throws RetryLater {
    return JosdkControls.toControl(repository, reconcileOnce(repository));
  }

  @Override
  public ErrorStatusUpdateControl<ImageRepository> updateErrorStatus(
      ImageRepository repository, Context<ImageRepository> context, Exception e) {
    return JosdkControls.errorStatus(e);
  }

  /** Deletion: forget the stored tags and the object's metrics, then let the finalizer go. */
  @Override
  public DeleteControl cleanup(ImageRepository repository, Context<ImageRepository> context) {
    registry.forget(repository);
    recorder.forget(KIND, repository);
    Finalizers.releaseFlux(repository, context);
    return DeleteControl.defaultDelete();
  }
}
