package dev.imageautomation.reconciler;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The controller-runtime and workqueue meters of one controller, and the queue they are read from. JOSDK has no
 * work queue, so this keeps the one client-go's metrics describe: an object is <em>waiting</em> from the first event
 * after its last hand-over (later events fold into it, as client-go folds repeated adds) until JOSDK hands it to the
 * executor, then <em>submitted</em> until a worker thread starts it, then <em>running</em>.
 */
final class ControllerMeters {

  /** How a run ended, as controller-runtime's {@code reconcileHandler} sorts results, errors and retries. */
  enum Outcome {
    SUCCESS("success", false),
    REQUEUE("requeue", false),
    REQUEUE_AFTER("requeue_after", true),
    RETRIED_ERROR("error", true),
    /** Failed, and JOSDK neither retries nor re-runs it: retries exhausted, or the processor stopping. */
    ERROR("error", false),
    TERMINAL_ERROR("error", false),
    /** A {@link Error} escaped the reconciler; JOSDK does not run the object again. */
    PANIC("error", false),
    /** JOSDK said nothing about the end of a run that did not fail: it was stopping. */
    UNKNOWN(null, false);

    private final String result;
    private final boolean delayedReadd;

    Outcome(String result, boolean delayedReadd) {
      this.result = result;
      this.delayedReadd = delayedReadd;
    }
  }

  /** One run on a worker thread, from its start; equal only to itself, as two runs may start in the same nanosecond. */
  static final class Work {
    private final long startNanos;

    private Work(long startNanos) {
      this.startNanos = startNanos;
    }
  }

  // controller-runtime's ReconcileTime buckets, in seconds
  private static final Duration[] RECONCILE_BUCKETS = Arrays.stream(new double[] {0.005, 0.01, 0.025, 0.05, 0.1,
    0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5,
    5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60}).mapToObj(ControllerMeters::seconds).toArray(Duration[]::new);
  // client-go's workqueue buckets: 12 powers of ten from 10ns
  private static final Duration[] QUEUE_BUCKETS =
      IntStream.range(0, 12).mapToObj(i -> Duration.ofNanos(10 * (long) Math.pow(10, i))).toArray(Duration[]::new);

  private final MeterRegistry registry;
  private final Clock clock;
  private final Tags tags;
  private volatile BooleanSupplier processing = () -> true;
  private final Map<Object, Long> waiting = new ConcurrentHashMap<>();
  private final Map<Object, Long> submitted = new ConcurrentHashMap<>();
  private final Set<Work> running = ConcurrentHashMap.newKeySet();
  private final Map<Outcome, Counter> results = new EnumMap<>(Outcome.class);
  private final Counter errors;
  private final Counter terminalErrors;
  private final Counter panics;
  private final Counter adds;
  private final Counter retries;
  private final Timer reconcileTime;
  private final Timer queueDuration;
  private final Timer workDuration;

  /** Registers every series at zero, as controller-runtime does when a controller starts. */
  ControllerMeters(MeterRegistry registry, String controller) {
    this.registry = registry;
    this.clock = registry.config().clock();
    this.tags = Tags.of("controller", controller);
    Tags queue = tags.and("name", controller);
    // the four kinds of error share one series: the registry returns the counter it has for equal tags
    for (Outcome outcome : Outcome.values()) {
      if (outcome.result != null) {
        results.put(outcome, counter("controller_runtime.reconcile", "Total number of reconciliations per controller",
            tags.and("result", outcome.result)));
      }
    }
    errors = counter("controller_runtime.reconcile.errors", "Total number of reconciliation errors per controller",
        tags);
    terminalErrors = counter("controller_runtime.terminal.reconcile.errors",
        "Total number of terminal reconciliation errors per controller", tags);
    panics = counter("controller_runtime.reconcile.panics", "Total number of reconciliation panics per controller",
        tags);
    reconcileTime = timer("controller_runtime.reconcile.time", "Length of time per reconciliation per controller",
        tags, RECONCILE_BUCKETS);
    adds = counter("workqueue.adds", "Total number of adds handled by workqueue", queue);
    retries = counter("workqueue.retries", "Total number of items added to the workqueue with a non-zero delay"
        + " (rate-limited requeues, explicit RequeueAfter or AddAfter calls)", queue);
    queueDuration = timer("workqueue.queue.duration",
        "How long in seconds an item stays in workqueue before being requested", queue, QUEUE_BUCKETS);
    workDuration = timer("workqueue.work.duration", "How long in seconds processing an item from workqueue takes.",
        queue, QUEUE_BUCKETS);
    registerGauges(queue);
  }

  /**
   * JOSDK registered the controller: {@code threads} is the size of its executor, which every controller shares
   * (each may use all of it); {@code processing} tells whether its event processing runs yet.
   */
  void registered(int threads, BooleanSupplier processing) {
    this.processing = processing;
    gauge("controller_runtime.max.concurrent.reconciles", "Maximum number of concurrent reconciles per controller",
        tags, "", m -> threads);
  }

  private void registerGauges(Tags queue) {
    gauge("controller_runtime.active.workers", "Number of currently used workers per controller", tags, "",
        m -> m.running.size());
    gauge("workqueue.depth", "Current depth of workqueue by workqueue and priority", queue, "",
        m -> m.waiting.size() + m.submitted.size());
    gauge("workqueue.unfinished.work", "How many seconds of work has been done that is in progress and hasn't been"
        + " observed by work_duration. Large values indicate stuck threads. One can deduce the number of stuck"
        + " threads by observing the rate at which this increases.", queue, "seconds", ControllerMeters::unfinished);
    gauge("workqueue.longest.running.processor",
        "How many seconds has the longest running processor for workqueue been running.", queue, "seconds",
        ControllerMeters::longestRunning);
  }

  /**
   * An event for {@code resource}: a new item unless one is already waiting. Before JOSDK processes events (a
   * replica waiting for leadership) it only marks them; those objects join the queue when it hands them over.
   */
  void received(Object resource) {
    if (processing.getAsBoolean() && waiting.putIfAbsent(resource, clock.monotonicTime()) == null) {
      adds.increment();
    }
  }

  /** JOSDK hands {@code resource} to its executor; the events waiting until now ride on this run. */
  void submitted(Object resource) {
    Long added = waiting.remove(resource);
    if (added == null) {
      adds.increment();
      added = clock.monotonicTime();
    }
    submitted.put(resource, added);
  }

  /** A worker starts {@code resource}: it leaves the queue. */
  Work started(Object resource) {
    long now = clock.monotonicTime();
    Long added = submitted.remove(resource);
    if (added != null) {
      queueDuration.record(now - added, TimeUnit.NANOSECONDS);
    }
    Work work = new Work(now);
    running.add(work);
    return work;
  }

  /** A worker took {@code resource} off the executor and found nothing to do (it is gone from the cache). */
  void dropped(Object resource) {
    submitted.remove(resource);
  }

  /** JOSDK is done with a deleted {@code resource}: events still waiting for it will never run. */
  void forget(Object resource) {
    waiting.remove(resource);
  }

  void finished(Work work, Outcome outcome) {
    running.remove(work);
    long elapsed = clock.monotonicTime() - work.startNanos;
    reconcileTime.record(elapsed, TimeUnit.NANOSECONDS);
    workDuration.record(elapsed, TimeUnit.NANOSECONDS);
    if (outcome.result != null) {
      results.get(outcome).increment();
    }
    if (outcome.result != null && outcome.result.equals("error")) {
      errors.increment();
    }
    if (outcome == Outcome.TERMINAL_ERROR) {
      terminalErrors.increment();
    }
    if (outcome == Outcome.PANIC) {
      panics.increment();
    }
    if (outcome.delayedReadd) {
      retries.increment();
    }
  }

  private double unfinished() {
    long now = clock.monotonicTime();
    return running.stream().mapToLong(w -> now - w.startNanos).sum() / 1e9;
  }

  private double longestRunning() {
    long now = clock.monotonicTime();
    return running.stream().mapToLong(w -> now - w.startNanos).max().orElse(0) / 1e9;
  }

  private Counter counter(String name, String help, Tags meterTags) {
    return Counter.builder(name).description(help).tags(meterTags).register(registry);
  }

  private Timer timer(String name, String help, Tags meterTags, Duration[] buckets) {
    return Timer.builder(name).description(help).tags(meterTags).serviceLevelObjectives(buckets).register(registry);
  }

  private void gauge(String name, String help, Tags meterTags, String unit, ToDoubleFunction<ControllerMeters> value) {
    Gauge.builder(name, this, value).description(help).tags(meterTags).baseUnit(unit.isEmpty() ? null : unit)
        .strongReference(true).register(registry);
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
