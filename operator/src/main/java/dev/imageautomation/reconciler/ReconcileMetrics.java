package dev.imageautomation.reconciler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flux's reconcile metrics, named as Flux names them so existing dashboards and alerts keep working:
 * {@code gotk_reconcile_duration_seconds{kind,name,namespace}} (histogram, 10 exponential buckets from 10ms to 30m),
 * {@code gotk_reconcile_condition{kind,name,namespace,type,status}} (1 for the current Ready status, 0 for the others)
 * and {@code gotk_suspend_status{kind,name,namespace}}. Series are removed when the object is deleted.
 */
public final class ReconcileMetrics {

  private static final List<String> STATUSES = List.of("True", "False", "Unknown");
  private static final Duration[] BUCKETS = exponentialBuckets(Duration.ofMillis(10), Duration.ofMinutes(30), 10);

  private final MeterRegistry registry;
  private final Map<Tags, AtomicInteger> gauges = new ConcurrentHashMap<>();

  public ReconcileMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records how long one reconcile of an object took. */
  public void recordDuration(String kind, String namespace, String name, Duration duration) {
    Timer.builder("gotk.reconcile.duration")
        .description("The duration in seconds of a GitOps Toolkit resource reconciliation.")
        .tags(objectTags(kind, namespace, name))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(duration);
  }

  /** Records the Ready status ({@code True}, {@code False} or {@code Unknown}) of an object after a reconcile. */
  public void recordReady(String kind, String namespace, String name, String readyStatus) {
    for (String status : STATUSES) {
      Tags tags = objectTags(kind, namespace, name).and("type", "Ready", "status", status);
      gauge("gotk.reconcile.condition", tags).set(status.equals(readyStatus) ? 1 : 0);
    }
  }

  /** Records whether an object is suspended. */
  public void recordSuspended(String kind, String namespace, String name, boolean suspended) {
    gauge("gotk.suspend.status", objectTags(kind, namespace, name)).set(suspended ? 1 : 0);
  }

  /** Drops every series of a deleted object, as Flux does, so deleted objects do not linger in dashboards. */
  public void forget(String kind, String namespace, String name) {
    Tags tags = objectTags(kind, namespace, name);
    List<Meter> meters =
        registry.getMeters().stream()
            .filter(meter -> meter.getId().getName().startsWith("gotk."))
            .filter(meter -> hasAll(meter, tags))
            .toList();
    meters.forEach(registry::remove);
    gauges.keySet().removeIf(key -> key.stream().toList().containsAll(tags.stream().toList()));
  }

  private static boolean hasAll(Meter meter, Tags tags) {
    return meter.getId().getTags().containsAll(tags.stream().toList());
  }

  private AtomicInteger gauge(String name, Tags tags) {
    return gauges.computeIfAbsent(
        Tags.of("__name", name).and(tags),
        key -> {
          AtomicInteger value = new AtomicInteger();
          Gauge.builder(name, value, AtomicInteger::get).tags(tags).register(registry);
          return value;
        });
  }

  private static Tags objectTags(String kind, String namespace, String name) {
    return Tags.of("kind", kind, "name", name, "namespace", namespace);
  }

  private static Duration[] exponentialBuckets(Duration first, Duration last, int count) {
    double factor = Math.pow((double) last.toNanos() / first.toNanos(), 1.0 / (count - 1));
    Duration[] buckets = new Duration[count];
    for (int i = 0; i < count; i++) {
      buckets[i] = Duration.ofNanos(Math.round(first.toNanos() * Math.pow(factor, i)));
    }
    return buckets;
  }
}
