package dev.imageautomation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void shouldUseFluxDefaultsWhenNothingIsGiven() {
    OperatorConfig config = OperatorConfig.defaults();

    assertThat(config.concurrent()).isEqualTo(4);
    assertThat(config.storagePath()).isEqualTo(Path.of("/data"));
    assertThat(config.watchAllNamespaces()).isTrue();
    assertThat(config.watchLabelSelector()).isEmpty();
    assertThat(config.leaderElection().enabled()).isTrue();
    assertThat(config.leaderElection().leaseNamespace()).isEqualTo("flux-system");
    assertThat(config.leaderElection().leaseDuration()).isEqualTo(Duration.ofSeconds(35));
    assertThat(config.requeueDependency()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.minRetryDelay()).isEqualTo(Duration.ofMillis(750));
    assertThat(config.maxRetryDelay()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.metricsAddress()).hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(8080));
    assertThat(config.healthAddress()).hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(9440));
    assertThat(config.noCrossNamespaceRefs()).isFalse();
  }

  @Test
  void shouldPreferTheFlagOverTheEnvironmentOverTheDefault() {
    OperatorConfig config =
        OperatorConfig.from(
            Map.of(OperatorSetting.CONCURRENT, "8"),
            Map.of(
                "IMAGE_AUTOMATION_CONCURRENT", "2",
                "IMAGE_AUTOMATION_REQUEUE_DEPENDENCY", "5s",
                "RUNTIME_NAMESPACE", "images"));

    assertThat(config.concurrent()).isEqualTo(8);
    assertThat(config.requeueDependency()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.runtimeNamespace()).isEqualTo("images");
    assertThat(config.leaderElection().leaseNamespace()).isEqualTo("images");
  }

  @Test
  void shouldGiveEachShardItsOwnLeaderLease() {
    OperatorConfig shard1 =
        OperatorConfig.from(
            Map.of(OperatorSetting.WATCH_LABEL_SELECTOR, "sharding.fluxcd.io/shard=shard1"), Map.of());
    OperatorConfig shard2 =
        OperatorConfig.from(
            Map.of(OperatorSetting.WATCH_LABEL_SELECTOR, "sharding.fluxcd.io/shard=shard2"), Map.of());

    assertThat(shard1.leaderElection().leaseName())
        .startsWith("image-automation-operator-leader-election-")
        .hasSize("image-automation-operator-leader-election-".length() + 8)
        .isNotEqualTo(shard2.leaderElection().leaseName());
    assertThat(shard1.watchLabelSelector()).contains("sharding.fluxcd.io/shard=shard1");
  }

  @Test
  void shouldTurnSwitchesOffWithFalseAndDisableAnEndpointWithAnEmptyAddress() {
    OperatorConfig config =
        OperatorConfig.from(
            Map.of(
                OperatorSetting.ENABLE_LEADER_ELECTION, "false",
                OperatorSetting.WEBHOOK_ADDR, "",
                OperatorSetting.METRICS_ADDR, "127.0.0.1:0"),
            Map.of());

    assertThat(config.leaderElection().enabled()).isFalse();
    assertThat(config.webhookAddress()).isEmpty();
    assertThat(config.metricsAddress())
        .hasValueSatisfying(a -> assertThat(a.getHostString()).isEqualTo("127.0.0.1"));
  }

  @Test
  void shouldNameTheFlagAndTheEnvironmentVariableWhenAValueDoesNotParse() {
    assertThatThrownBy(() -> OperatorConfig.from(Map.of(OperatorSetting.CONCURRENT, "many"), Map.of()))
        .hasMessageContaining("--concurrent")
        .hasMessageContaining("IMAGE_AUTOMATION_CONCURRENT")
        .hasMessageContaining("many");
    assertThatThrownBy(() -> OperatorConfig.from(Map.of(), Map.of("IMAGE_AUTOMATION_MIN_RETRY_DELAY", "soon")))
        .hasMessageContaining("--min-retry-delay");
    assertThatThrownBy(() -> OperatorConfig.from(Map.of(OperatorSetting.LOG_LEVEL, "loud"), Map.of()))
        .hasMessageContaining("--log-level");
    assertThatThrownBy(
            () ->
                OperatorConfig.from(
                    Map.of(OperatorSetting.MIN_RETRY_DELAY, "1m", OperatorSetting.MAX_RETRY_DELAY, "1s"), Map.of()))
        .hasMessageContaining("--max-retry-delay");
  }

  @Test
  void shouldLogJsonByDefaultAsFluxAndAcceptConsole() {
    assertThat(OperatorConfig.defaults().logEncoding()).isEqualTo(OperatorConfig.LogEncoding.JSON);
    assertThat(OperatorConfig.from(Map.of(OperatorSetting.LOG_ENCODING, "console"), Map.of()).logEncoding())
        .isEqualTo(OperatorConfig.LogEncoding.CONSOLE);
    assertThatThrownBy(() -> OperatorConfig.from(Map.of(OperatorSetting.LOG_ENCODING, "logfmt"), Map.of()))
        .hasMessageContaining("--log-encoding").hasMessageContaining("expected json or console");
  }

  @Test
  void shouldAcceptFluxFlagsThatMeanNothingHereAndNameThem() {
    OperatorConfig config = OperatorConfig.from(Map.of(
        OperatorSetting.EVENTS_ADDR, "http://notification-controller.flux-system.svc.cluster.local./",
        OperatorSetting.KUBE_API_QPS, "100",
        OperatorSetting.CONCURRENT, "6"), Map.of());

    assertThat(config.inertFlagsGiven()).containsExactly(OperatorSetting.EVENTS_ADDR, OperatorSetting.KUBE_API_QPS);
    assertThat(config.concurrent()).isEqualTo(6);
    assertThat(OperatorConfig.defaults().inertFlagsGiven()).isEmpty();
  }
}
