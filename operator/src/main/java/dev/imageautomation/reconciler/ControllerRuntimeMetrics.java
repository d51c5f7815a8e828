package dev.imageautomation.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.BaseControl;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * controller-runtime's {@code controller_runtime_*} and {@code workqueue_*} metrics, which Flux dashboards and alerts
 * read, fed by JOSDK's monitoring callbacks. The {@code controller} label is the JOSDK controller name, which is the
 * lower-case kind that controller-runtime names Flux's controllers by.
 *
 * <p>JOSDK calls {@code reconciliationExecutionStarted}, the timed reconcile, {@code finishedReconciliation} or
 * {@code failedReconciliation}, a resubmission of the same object and {@code reconciliationExecutionFinished} on one
 * worker thread, so a thread-local {@link Run} collects what each run did and decides its result at the end.
 */
public final class ControllerRuntimeMetrics implements Metrics {

  private final MeterRegistry registry;
  private final Map<String, ControllerMeters> controllers = new ConcurrentHashMap<>();
  private final ThreadLocal<Run> current = new ThreadLocal<>();

  public ControllerRuntimeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void controllerRegistered(Controller<? extends HasMetadata> controller) {
    var configuration = controller.getConfiguration();
    meters(configuration.getName()).registered(
        configuration.getConfigurationService().concurrentReconciliationThreads(),
        () -> controller.getEventProcessor().isRunning());
  }

  @Override
  public void receivedEvent(Event event, Map<String, Object> metadata) {
    meters(metadata).received(event.getRelatedCustomResourceID());
  }

  @Override
  public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
    ResourceID id = ResourceID.fromResource(resource);
    Run run = current.get();
    if (run != null && run.resource.equals(id) && retryInfo != null) {
      // JOSDK clears the retry state of a run that succeeded, so this run failed and a newer event re-runs it now
      run.resubmittedAfterFailure = true;
    }
    meters(metadata).submitted(id);
  }

  @Override
  public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
    ResourceID id = ResourceID.fromResource(resource);
    ControllerMeters meters = meters(metadata);
    current.set(new Run(meters, id, meters.started(id), resource.isMarkedForDeletion()));
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    Run run = current.get();
    if (run == null) {
      return execution.execute();
    }
    run.reconcilerCalled = true;
    try {
      T result = execution.execute();
      run.rescheduled = result instanceof BaseControl<?> control && control.getScheduleDelay().isPresent();
      return result;
    } catch (Exception e) {
      run.threw = true;
      throw e;
    } catch (Error e) {
      // Java's panic: JOSDK does not catch it, the worker thread dies and the object is never run again
      run.panicked = true;
      throw e;
    }
  }

  @Override
  public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    Run run = current.get();
    if (run != null) {
      run.retryScheduled = true;
    }
  }

  @Override
  public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
    Run run = current.get();
    if (run != null) {
      run.finished = true;
    }
  }

  @Override
  public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
    Run run = current.get();
    current.remove();
    if (run == null) {
      // JOSDK calls this also when the worker found the object gone from its cache and never started
      meters(metadata).dropped(ResourceID.fromResource(resource));
      return;
    }
    run.meters.finished(run.work, run.outcome());
  }

  @Override
  public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
    meters(metadata).forget(resourceID);
  }

  private ControllerMeters meters(Map<String, Object> metadata) {
    return meters(String.valueOf(metadata.get(Constants.CONTROLLER_NAME)));
  }

  private ControllerMeters meters(String controller) {
    return controllers.computeIfAbsent(controller, name -> new ControllerMeters(registry, name));
  }

  /** What one run on a worker thread did, as JOSDK reported it. */
  private static final class Run {
    private final ControllerMeters meters;
    private final ResourceID resource;
    private final ControllerMeters.Work work;
    private final boolean deleting;
    private boolean reconcilerCalled;
    private boolean rescheduled;
    private boolean threw;
    private boolean panicked;
    private boolean finished;
    private boolean retryScheduled;
    private boolean resubmittedAfterFailure;

    private Run(ControllerMeters meters, ResourceID resource, ControllerMeters.Work work, boolean deleting) {
      this.meters = meters;
      this.resource = resource;
      this.work = work;
      this.deleting = deleting;
    }

    private ControllerMeters.Outcome outcome() {
      if (panicked) {
        return ControllerMeters.Outcome.PANIC;
      }
      if (finished) {
        return finishedOutcome();
      }
      if (retryScheduled || resubmittedAfterFailure) {
        return ControllerMeters.Outcome.RETRIED_ERROR;
      }
      // neither finished nor retried: retries exhausted, or the processor stopping, which says nothing
      return threw ? ControllerMeters.Outcome.ERROR : ControllerMeters.Outcome.UNKNOWN;
    }

    private ControllerMeters.Outcome finishedOutcome() {
      if (threw) {
        // JOSDK finished the run although the reconciler failed: it will not retry, a terminal error
        return ControllerMeters.Outcome.TERMINAL_ERROR;
      }
      if (!reconcilerCalled && !deleting) {
        // JOSDK's run that only adds the finalizer; the update it makes runs the reconciler next, where Flux's
        // reconcilers add theirs and return Requeue: true
        return ControllerMeters.Outcome.REQUEUE;
      }
      return rescheduled ? ControllerMeters.Outcome.REQUEUE_AFTER : ControllerMeters.Outcome.SUCCESS;
    }
  }
}
