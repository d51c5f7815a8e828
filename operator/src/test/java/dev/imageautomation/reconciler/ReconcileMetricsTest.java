package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconcileMetricsTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ReconcileMetrics metrics = new ReconcileMetrics(registry);

  @Test
  void shouldExposeFluxReconcileDurationHistogramAndReadyConditionGauges() {
    metrics.recordDuration("ImagePolicy", "flux-system", "app-name-dev", Duration.ofMillis(120));
    metrics.recordReady("ImagePolicy", "flux-system", "app-name-dev", "False");

    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("gotk_reconcile_duration_seconds_bucket{kind=\"ImagePolicy\",name=\"app-name-dev\","
            + "namespace=\"flux-system\",le=\"0.01\"} 0")
        .contains("gotk_reconcile_duration_seconds_count{kind=\"ImagePolicy\",name=\"app-name-dev\","
            + "namespace=\"flux-system\"} 1")
        .contains("gotk_reconcile_condition{kind=\"ImagePolicy\",name=\"app-name-dev\",namespace=\"flux-system\","
            + "status=\"False\",type=\"Ready\"} 1")
        .contains("gotk_reconcile_condition{kind=\"ImagePolicy\",name=\"app-name-dev\",namespace=\"flux-system\","
            + "status=\"True\",type=\"Ready\"} 0");
  }

  @Test
  void shouldDropTheSeriesOfADeletedObject() {
    metrics.recordDuration("ImageRepository", "apps", "gone", Duration.ofSeconds(1));
    metrics.recordReady("ImageRepository", "apps", "gone", "True");
    metrics.recordSuspended("ImageRepository", "apps", "gone", true);
    metrics.recordReady("ImageRepository", "apps", "kept", "True");

    metrics.forget("ImageRepository", "apps", "gone");

    assertThat(registry.scrape()).doesNotContain("name=\"gone\"").contains("name=\"kept\"");
  }
}
