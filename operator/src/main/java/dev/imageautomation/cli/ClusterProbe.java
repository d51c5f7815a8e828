package dev.imageautomation.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether there is a cluster to run against: a service-account environment (in a pod), or a kubeconfig whose API
 * server answers. Only "nothing configured" and "connection refused / unknown host" count as no cluster; any other
 * answer (even 401) means a cluster is there and the operator should start and report what is wrong.
 */
final class ClusterProbe {

  private ClusterProbe() {}

  static boolean noClusterAt(Map<String, String> environment) {
    if (environment.containsKey("KUBERNETES_SERVICE_HOST")) {
      return false;
    }
    String kubeconfig = environment.getOrDefault("KUBECONFIG",
        Path.of(System.getProperty("user.home"), ".kube", "config").toString());
    boolean anyFile = java.util.Arrays.stream(kubeconfig.split(java.io.File.pathSeparator))
        .anyMatch(path -> !path.isEmpty() && Files.isRegularFile(Path.of(path)));
    return !anyFile || refusesConnections();
  }

  private static boolean refusesConnections() {
    Config config = new ConfigBuilder(Config.autoConfigure(null)).withConnectionTimeout(3_000)
        .withRequestTimeout(5_000).withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      client.getKubernetesVersion();
      return false;
    } catch (KubernetesClientException e) {
      return causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class);
    }
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
