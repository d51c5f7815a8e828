package dev.imageautomation.e2e;

import dev.imageautomation.OperatorMain;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.config.OperatorSetting;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Starts the whole operator in this JVM against a test cluster, with fast retries and ephemeral ports. */
final class OperatorFixture {

  private OperatorFixture() {}

  static OperatorMain start(KubernetesClient client, Path storage, Map<OperatorSetting, String> overrides) {
    Map<OperatorSetting, String> settings = new EnumMap<>(OperatorSetting.class);
    settings.put(OperatorSetting.STORAGE_PATH, storage.toString());
    settings.put(OperatorSetting.ENABLE_LEADER_ELECTION, "false");
    settings.put(OperatorSetting.METRICS_ADDR, "127.0.0.1:0");
    settings.put(OperatorSetting.HEALTH_ADDR, "127.0.0.1:0");
    settings.put(OperatorSetting.WEBHOOK_ADDR, "127.0.0.1:0");
    settings.put(OperatorSetting.REQUEUE_DEPENDENCY, "2s");
    settings.put(OperatorSetting.MIN_RETRY_DELAY, "200ms");
    settings.put(OperatorSetting.MAX_RETRY_DELAY, "3s");
    settings.put(OperatorSetting.SHUTDOWN_TIMEOUT, "10s");
    settings.putAll(overrides);
    return OperatorMain.start(OperatorConfig.from(settings, Map.of()), client);
  }
}
