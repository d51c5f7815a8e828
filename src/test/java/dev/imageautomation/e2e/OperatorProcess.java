package dev.imageautomation.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imageautomation.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operator as a separate JVM ({@code image-automation operator …}), as a pod runs it: the shaded jar when
 * {@code mvn verify} has built it, otherwise {@code Main} on this test JVM's classpath. Only a separate process can
 * be SIGKILLed mid-run, and only separate processes let JOSDK exit the JVM when a replica loses its lease. Fast
 * retries, ephemeral ports, a short lease; output goes to {@code <storage>.log} for a failing test to show.
 */
final class OperatorProcess implements AutoCloseable {

  private static final Path SHADED_JAR = Path.of("target", "image-automation.jar");
  private static final String LEASE = "image-automation-operator-leader-election";

  private final Process process;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path log;

  private OperatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts a replica named {@code identity} (its {@code HOSTNAME}, so the Lease holder names it), with leader
   * election in {@code namespace} and its own {@code storage}.
   */
  static OperatorProcess start(KubeCluster cluster, String identity, String namespace, Path storage) {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1"));
    if (Files.isRegularFile(SHADED_JAR)) {
      command.addAll(List.of("-jar", SHADED_JAR.toString()));
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.imageautomation.Main"));
    }
    command.addAll(List.of("operator", "--storage-path=" + storage, "--runtime-namespace=" + namespace,
        "--watch-all-namespaces=true", "--enable-leader-election=true",
        "--leader-election-lease-duration=4s", "--leader-election-renew-deadline=3s",
        "--leader-election-retry-period=1s", "--metrics-addr=127.0.0.1:0", "--health-addr=127.0.0.1:0",
        "--webhook-addr=", "--requeue-dependency=2s", "--min-retry-delay=200ms", "--max-retry-delay=3s",
        "--shutdown-timeout=10s",
        // two of the arguments Flux's own Deployment passes: they must carry over
        "--events-addr=http://notification-controller.flux-system.svc.cluster.local./", "--log-encoding=json"));
    Path log = Path.of(storage + ".log");
    try {
      Files.createDirectories(storage);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("KUBECONFIG", cluster.kubeconfig().toString());
      builder.environment().put("HOSTNAME", identity);
      builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
      return new OperatorProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The identity holding the leader Lease of replicas started in {@code namespace}: {@code <identity>_<random>}. */
  static Optional<String> leaseHolder(KubernetesClient client, String namespace) {
    Lease lease = client.leases().inNamespace(namespace).withName(LEASE).get();
    return Optional.ofNullable(lease).map(l -> l.getSpec().getHolderIdentity()).filter(h -> !h.isEmpty());
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** The operating-system process, for the scale benchmark's /proc readings. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no lease release, a push possibly cut in the middle. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** The JSON log lines this replica printed, parsed, and how many other lines it printed. */
  record JsonLog(List<JsonNode> entries, long otherLines) {}

  JsonLog jsonLog() {
    try {
      List<String> lines = Files.readAllLines(log);
      List<JsonNode> entries = new ArrayList<>();
      for (String line : lines) {
        if (line.startsWith("{")) {
          entries.add(JSON.readTree(line));
        }
      }
      return new JsonLog(entries, lines.size() - entries.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines this replica printed, for a failing assertion's description. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, then SIGKILL if the graceful shutdown hangs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  private void waitForExit() {
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
