package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.api.v1.ImageRepository;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * JOSDK's monitoring callbacks replayed in the order its {@code EventProcessor} makes them (event, hand-over to the
 * executor, start, the timed reconcile, finished or failed, end of the run), checked on the Prometheus text that
 * Flux's dashboards scrape. Time comes from a {@link MockClock}.
 */
class ControllerRuntimeMetricsTest {

  private static final String CONTROLLER = "imagerepository";
  private static final Map<String, Object> METADATA = Map.of(Constants.CONTROLLER_NAME, CONTROLLER);
  private static final String OF_CONTROLLER = "{controller=\"imagerepository\"";
  private static final String OF_QUEUE = "{controller=\"imagerepository\",name=\"imagerepository\"";
  private static final RetryInfo FIRST_RETRY = new RetryInfo() {
    @Override
    public int getAttemptCount() {
      return 1;
    }

    @Override
    public boolean isLastAttempt() {
      return false;
    }
  };

  private final MockClock clock = new MockClock();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
  private final ControllerRuntimeMetrics metrics = new ControllerRuntimeMetrics(registry);
  private final ImageRepository podinfo = repository("podinfo");
  private final ExecutorService otherWorker = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWorker() {
    otherWorker.shutdownNow();
  }

  @Test
  void shouldRegisterEverySeriesAtZeroWithTheSharedExecutorSizeWhenJosdkRegistersTheController() {
    registerThroughJosdk(12);

    assertThat(registry.scrape())
        .contains("controller_runtime_max_concurrent_reconciles" + OF_CONTROLLER + "} 12.0")
        .contains("controller_runtime_active_workers" + OF_CONTROLLER + "} 0.0")
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"success\"} 0.0")
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"error\"} 0.0")
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"requeue\"} 0.0")
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"requeue_after\"} 0.0")
        .contains("controller_runtime_reconcile_errors_total" + OF_CONTROLLER + "} 0.0")
        .contains("controller_runtime_terminal_reconcile_errors_total" + OF_CONTROLLER + "} 0.0")
        .contains("controller_runtime_reconcile_panics_total" + OF_CONTROLLER + "} 0.0")
        .contains("workqueue_depth" + OF_QUEUE + "} 0.0")
        .contains("workqueue_adds_total" + OF_QUEUE + "} 0.0")
        .contains("workqueue_retries_total" + OF_QUEUE + "} 0.0")
        .contains("workqueue_unfinished_work_seconds" + OF_QUEUE + "} 0.0")
        .contains("workqueue_longest_running_processor_seconds" + OF_QUEUE + "} 0.0");
  }

  @Test
  void shouldQueueObjectsWhenJosdkHandsThemOverOnceProcessingStartsNotWhileItOnlyMarksTheirEvents() {
    registerThroughJosdk(12); // registered, not started: a replica waiting for leadership
    metrics.receivedEvent(event(podinfo), METADATA);
    assertThat(registry.scrape()).contains("workqueue_depth" + OF_QUEUE + "} 0.0")
        .contains("workqueue_adds_total" + OF_QUEUE + "} 0.0");

    metrics.reconcileCustomResource(podinfo, null, METADATA); // leadership: JOSDK submits the marked objects

    assertThat(registry.scrape()).contains("workqueue_depth" + OF_QUEUE + "} 1.0")
        .contains("workqueue_adds_total" + OF_QUEUE + "} 1.0");
  }

  @Test
  void shouldExportControllerRuntimesNamesTypesAndHelpTexts() {
    metrics.receivedEvent(event(podinfo), METADATA);

    assertThat(registry.scrape())
        .contains("# HELP controller_runtime_reconcile_total Total number of reconciliations per controller\n"
            + "# TYPE controller_runtime_reconcile_total counter\n")
        .contains("# TYPE controller_runtime_reconcile_time_seconds histogram\n")
        .contains("# HELP controller_runtime_active_workers Number of currently used workers per controller\n"
            + "# TYPE controller_runtime_active_workers gauge\n")
        .contains("# HELP workqueue_queue_duration_seconds How long in seconds an item stays in workqueue before"
            + " being requested\n# TYPE workqueue_queue_duration_seconds histogram\n")
        .contains("# TYPE workqueue_work_duration_seconds histogram\n")
        .contains("# HELP workqueue_depth Current depth of workqueue by workqueue and priority\n"
            + "# TYPE workqueue_depth gauge\n");
  }

  @Test
  void shouldCountARescheduledRunAsRequeueAfterAndARetryAndTimeItInControllerRuntimesBuckets() throws Exception {
    metrics.receivedEvent(event(podinfo), METADATA);
    metrics.receivedEvent(event(podinfo), METADATA);
    clock.add(Duration.ofMillis(5));
    metrics.reconcileCustomResource(podinfo, null, METADATA);
    clock.add(Duration.ofMillis(15));
    metrics.reconciliationExecutionStarted(podinfo, METADATA);
    clock.add(Duration.ofMillis(1200));
    reconciler(() -> UpdateControl.patchStatus(podinfo).rescheduleAfter(Duration.ofMinutes(5)));
    metrics.finishedReconciliation(podinfo, METADATA);
    metrics.reconciliationExecutionFinished(podinfo, METADATA);

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"requeue_after\"} 1.0")
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"success\"} 0.0")
        .contains("workqueue_adds_total" + OF_QUEUE + "} 1.0")
        .contains("workqueue_retries_total" + OF_QUEUE + "} 1.0")
        .contains("workqueue_depth" + OF_QUEUE + "} 0.0")
        .contains("workqueue_queue_duration_seconds_bucket" + OF_QUEUE + ",le=\"0.01\"} 0")
        .contains("workqueue_queue_duration_seconds_bucket" + OF_QUEUE + ",le=\"0.1\"} 1")
        .contains("workqueue_work_duration_seconds_bucket" + OF_QUEUE + ",le=\"1.0\"} 0")
        .contains("workqueue_work_duration_seconds_bucket" + OF_QUEUE + ",le=\"10.0\"} 1")
        .contains("controller_runtime_reconcile_time_seconds_bucket" + OF_CONTROLLER + ",le=\"1.0\"} 0")
        .contains("controller_runtime_reconcile_time_seconds_bucket" + OF_CONTROLLER + ",le=\"1.25\"} 1")
        .contains("controller_runtime_reconcile_time_seconds_sum" + OF_CONTROLLER + "} 1.2");
    assertThat(buckets(scrape, "controller_runtime_reconcile_time_seconds_bucket")).containsExactly("0.005", "0.01",
        "0.025", "0.05", "0.1", "0.15", "0.2", "0.25", "0.3", "0.35", "0.4", "0.45", "0.5", "0.6", "0.7", "0.8", "0.9",
        "1.0", "1.25", "1.5", "1.75", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5", "5.0", "6.0", "7.0", "8.0", "9.0",
        "10.0", "15.0", "20.0", "25.0", "30.0", "40.0", "50.0", "60.0", "+Inf");
    assertThat(buckets(scrape, "workqueue_queue_duration_seconds_bucket")).containsExactly("1.0E-8", "1.0E-7",
        "1.0E-6", "1.0E-5", "1.0E-4", "0.001", "0.01", "0.1", "1.0", "10.0", "100.0", "1000.0", "+Inf");
  }

  @Test
  void shouldCountAPlainRunAsSuccessAndTheFinalizerOnlyRunAsRequeue() throws Exception {
    run(podinfo, () -> UpdateControl.patchStatus(podinfo));
    metrics.reconciliationExecutionStarted(podinfo, METADATA); // JOSDK adds its finalizer, no reconciler call
    metrics.finishedReconciliation(podinfo, METADATA);
    metrics.reconciliationExecutionFinished(podinfo, METADATA);

    assertThat(registry.scrape())
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"success\"} 1.0")
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"requeue\"} 1.0")
        .contains("workqueue_retries_total" + OF_QUEUE + "} 0.0");
  }

  @Test
  void shouldCountAFailureJosdkRetriesLaterAsAnErrorAndARetry() {
    Exception failure = new IllegalStateException("registry unreachable");
    failingRun(failure, () -> metrics.failedReconciliation(podinfo, failure, METADATA));

    assertThat(registry.scrape())
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"error\"} 1.0")
        .contains("controller_runtime_reconcile_errors_total" + OF_CONTROLLER + "} 1.0")
        .contains("controller_runtime_terminal_reconcile_errors_total" + OF_CONTROLLER + "} 0.0")
        .contains("workqueue_retries_total" + OF_QUEUE + "} 1.0");
  }

  @Test
  void shouldCountAFailedStatusPatchRerunAtOnceForANewerEventAsAnError() {
    metrics.reconciliationExecutionStarted(podinfo, METADATA);
    metrics.receivedEvent(event(podinfo), METADATA);
    // the reconciler returned, JOSDK's status patch failed; the newer event re-runs the object with retry state
    metrics.reconcileCustomResource(podinfo, FIRST_RETRY, METADATA);
    metrics.reconciliationExecutionFinished(podinfo, METADATA);

    assertThat(registry.scrape())
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"error\"} 1.0")
        .contains("controller_runtime_reconcile_errors_total" + OF_CONTROLLER + "} 1.0")
        .contains("workqueue_adds_total" + OF_QUEUE + "} 1.0")
        .contains("workqueue_depth" + OF_QUEUE + "} 1.0");
  }

  @Test
  void shouldCountAFailureJosdkFinishesWithoutRetryAsATerminalError() {
    // updateErrorStatus asked for no retry
    failingRun(new IllegalArgumentException("spec.image is not an image"),
        () -> metrics.finishedReconciliation(podinfo, METADATA));

    assertThat(registry.scrape())
        .contains("controller_runtime_terminal_reconcile_errors_total" + OF_CONTROLLER + "} 1.0")
        .contains("controller_runtime_reconcile_errors_total" + OF_CONTROLLER + "} 1.0")
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"error\"} 1.0")
        .contains("workqueue_retries_total" + OF_QUEUE + "} 0.0");
  }

  @Test
  void shouldCountAnErrorEscapingTheReconcilerAsAPanicAndAnError() {
    failingRun(new StackOverflowError(), () -> { }); // JOSDK catches no Error: its run just ends

    assertThat(registry.scrape())
        .contains("controller_runtime_reconcile_panics_total" + OF_CONTROLLER + "} 1.0")
        .contains("controller_runtime_reconcile_errors_total" + OF_CONTROLLER + "} 1.0")
        .contains("controller_runtime_active_workers" + OF_CONTROLLER + "} 0.0");
  }

  @Test
  void shouldLeaveARunWhoseEndJosdkDoesNotReportOutOfTheResultsButTimeIt() {
    metrics.reconciliationExecutionStarted(podinfo, METADATA);
    clock.add(Duration.ofMillis(30));
    metrics.reconciliationExecutionFinished(podinfo, METADATA); // the processor was stopping

    assertThat(registry.scrape())
        .doesNotContainPattern("controller_runtime_reconcile_total\\{[^}]*} 1\\.0")
        .contains("controller_runtime_reconcile_time_seconds_count" + OF_CONTROLLER + "} 1");
  }

  @Test
  void shouldShowRunningWorkInTheActiveWorkerAndUnfinishedWorkGauges() throws Exception {
    ImageRepository other = repository("other");
    metrics.reconciliationExecutionStarted(podinfo, METADATA);
    otherWorker.submit(() -> metrics.reconciliationExecutionStarted(other, METADATA)).get(); // the same nanosecond
    clock.add(Duration.ofSeconds(40));

    assertThat(registry.scrape())
        .contains("controller_runtime_active_workers" + OF_CONTROLLER + "} 2.0")
        .contains("workqueue_unfinished_work_seconds" + OF_QUEUE + "} 80.0")
        .contains("workqueue_longest_running_processor_seconds" + OF_QUEUE + "} 40.0");

    otherWorker.submit(() -> metrics.finishedReconciliation(other, METADATA)).get();
    otherWorker.submit(() -> metrics.reconciliationExecutionFinished(other, METADATA)).get();
    assertThat(registry.scrape())
        .contains("controller_runtime_active_workers" + OF_CONTROLLER + "} 1.0")
        .contains("workqueue_longest_running_processor_seconds" + OF_QUEUE + "} 40.0")
        .contains("controller_runtime_reconcile_total" + OF_CONTROLLER + ",result=\"requeue\"} 1.0");
  }

  @Test
  void shouldTakeAnObjectOffTheQueueWhenJosdkDropsOrForgetsIt() {
    ImageRepository deleted = repository("deleted");
    metrics.receivedEvent(event(podinfo), METADATA);
    metrics.reconcileCustomResource(podinfo, null, METADATA);
    metrics.receivedEvent(event(deleted), METADATA);
    assertThat(registry.scrape()).contains("workqueue_depth" + OF_QUEUE + "} 2.0");

    metrics.reconciliationExecutionFinished(podinfo, METADATA); // gone from the cache: never started
    metrics.cleanupDoneFor(ResourceID.fromResource(deleted), METADATA);

    assertThat(registry.scrape())
        .contains("workqueue_depth" + OF_QUEUE + "} 0.0")
        .contains("workqueue_adds_total" + OF_QUEUE + "} 2.0")
        .contains("controller_runtime_reconcile_time_seconds_count" + OF_CONTROLLER + "} 0");
  }

  @Test
  void shouldListEveryExportedMetricInTheMetricsPage() throws IOException {
    registerThroughJosdk(3);
    run(podinfo, () -> UpdateControl.patchStatus(podinfo));
    String page = Files.readString(Path.of("..", "docs", "metrics.md"));

    // Micrometer's own <histogram>_max gauges are mentioned once, not listed
    Matcher names =
        Pattern.compile("(?m)^# TYPE ((controller_runtime|workqueue)_\\w+?)(_max)? ").matcher(registry.scrape());
    Set<String> exported = new TreeSet<>();
    while (names.find()) {
      exported.add(names.group(1));
    }
    assertThat(exported).hasSize(14).allSatisfy(name -> assertThat(page).contains("| `" + name + "` |"));
    assertThat(page).contains("`_max`");
  }

  /** The way OperatorMain hands the metrics to JOSDK; registering (without starting) calls controllerRegistered. */
  private void registerThroughJosdk(int threads) {
    try (KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build()) {
      Operator operator = new Operator(o -> o.withKubernetesClient(client).withMetrics(metrics)
          .withConcurrentReconciliationThreads(threads).withCloseClientOnStop(false));
      operator.register(new NamedReconciler());
    }
  }

  private void run(HasMetadata resource, Callable<?> body) {
    metrics.receivedEvent(event(resource), METADATA);
    metrics.reconcileCustomResource(resource, null, METADATA);
    metrics.reconciliationExecutionStarted(resource, METADATA);
    try {
      reconciler(body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    metrics.finishedReconciliation(resource, METADATA);
    metrics.reconciliationExecutionFinished(resource, METADATA);
  }

  /** A run whose reconciler throws {@code failure}, which must pass through; then what JOSDK reports next. */
  private void failingRun(Throwable failure, Runnable josdkReport) {
    metrics.reconciliationExecutionStarted(podinfo, METADATA);
    assertThatThrownBy(() -> reconciler(() -> {
      if (failure instanceof Error error) {
        throw error;
      }
      throw (Exception) failure;
    })).isSameAs(failure);
    josdkReport.run();
    metrics.reconciliationExecutionFinished(podinfo, METADATA);
  }

  /** The reconciler call, as JOSDK's {@code Controller} hands it to the metrics to time. */
  private <T> T reconciler(Callable<T> body) throws Exception {
    return metrics.timeControllerExecution(new Metrics.ControllerExecution<T>() {
      @Override
      public String name() {
        return "reconcile";
      }

      @Override
      public String controllerName() {
        return CONTROLLER;
      }

      @Override
      public String successTypeName(T result) {
        return "status";
      }

      @Override
      public ResourceID resourceID() {
        return ResourceID.fromResource(podinfo);
      }

      @Override
      public Map<String, Object> metadata() {
        return Map.of();
      }

      @Override
      public T execute() throws Exception {
        return body.call();
      }
    });
  }

  private static List<String> buckets(String scrape, String series) {
    Matcher le = Pattern.compile(Pattern.quote(series) + "\\{[^}]*le=\"([^\"]+)\"").matcher(scrape);
    List<String> found = new ArrayList<>();
    while (le.find()) {
      found.add(le.group(1));
    }
    return found;
  }

  private static Event event(HasMetadata resource) {
    return new Event(ResourceID.fromResource(resource));
  }

  private static ImageRepository repository(String name) {
    ImageRepository repository = new ImageRepository();
    repository.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("apps").build());
    return repository;
  }

  /** Only its name matters: JOSDK registers a controller under it. */
  @ControllerConfiguration(name = CONTROLLER)
  static final class NamedReconciler implements Reconciler<ImageRepository> {
    @Override
    public UpdateControl<ImageRepository> reconcile(ImageRepository resource, Context<ImageRepository> context) {
      return UpdateControl.noUpdate();
    }
  }
}
