package dev.imageautomation.e2e;

import static org.awaitility.Awaitility.await;

import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.reconciler.Conditions;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.KubeCluster;
import dev.imageautomation.testing.RegistryServer;
import dev.imageautomation.testing.WithKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test (no assertion; failsafe does not pick it up by name): the operator as its own process, watching 1,000
 * ImageRepositories (all on one local registry repository), 1,000 ImagePolicies and 100 ImageUpdateAutomations on
 * the real kube-apiserver. Prints the time until every policy and automation is Ready, then the process's resident
 * memory and CPU time at that point and over an idle minute. Run with the command in docs/benchmarks-operator.md.
 */
@WithKubeApiServer
class OperatorScaleBenchmark {

  private static final String NAMESPACE = "scale-ns";
  private static final int REPOSITORIES = Integer.getInteger("scale.repositories", 1000);
  private static final int AUTOMATIONS = Integer.getInteger("scale.automations", 100);
  private static final Duration IDLE = Duration.ofSeconds(Long.getLong("scale.idleSeconds", 60));
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private static RegistryServer registry;
  private static GitServers git;
  @TempDir static Path storage;

  @BeforeAll
  static void start() {
    registry = RegistryServer.start(RegistryServer.Mode.PLAIN);
    git = GitServers.start();
  }

  @AfterAll
  static void stop() {
    git.close();
    registry.close();
  }

  @Test
  void measureMemoryAndCpuAtScale(KubeCluster cluster, KubernetesClient client) throws Exception {
    registry.pushTags("scaled", "dev-abc1234-1", "dev-bcd2345-2", "dev-cde3456-3");
    git.createRepository("scaled", Map.of("apps/dev/patches.yaml", Manifests.patches(NAMESPACE, "dev-cde3456-3")));
    cluster.kubectl(Manifests.devInNamespace(NAMESPACE, registry.image("scaled"), git.httpUrl("scaled"),
        git.httpUser(), git.httpPassword(), ""), "apply", "-f", "-").successfulOutput();
    long applyStart = System.nanoTime();
    cluster.kubectl(objects(registry.image("scaled")), "apply", "-f", "-").successfulOutput();
    report("applied %d repositories, %d policies, %d automations in %.1f s", REPOSITORIES, REPOSITORIES,
        AUTOMATIONS, seconds(System.nanoTime() - applyStart));

    try (OperatorProcess operator = OperatorProcess.start(cluster, "scale", NAMESPACE, storage.resolve("data"))) {
      long started = System.nanoTime();
      AtomicLong peakRss = new AtomicLong();
      await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        peakRss.accumulateAndGet(residentKiB(operator.pid()), Math::max);
        return readyPolicies(client) >= REPOSITORIES + 1 && readyAutomations(client) >= AUTOMATIONS + 1;
      });
      double toReady = seconds(System.nanoTime() - started);
      double cpuAtReady = cpuSeconds(operator.pid());
      report("all Ready %.1f s after the process started; CPU %.1f s; RSS %d MiB (peak so far %d MiB)", toReady,
          cpuAtReady, residentKiB(operator.pid()) / 1024, peakRss.get() / 1024);

      long idleStart = System.nanoTime();
      double minuteStartCpu = cpuAtReady;
      for (long second = 1; second <= IDLE.toSeconds(); second++) {
        peakRss.accumulateAndGet(residentKiB(operator.pid()), Math::max);
        Thread.sleep(Math.max(0, idleStart + second * 1_000_000_000L - System.nanoTime()) / 1_000_000);
        if (second % 60 == 0) { // minute by minute: the first one may still be finishing the start-up burst
          double cpu = cpuSeconds(operator.pid());
          report("idle minute %d: CPU %.1f s (%.1f%% of one core)", second / 60, cpu - minuteStartCpu,
              100 * (cpu - minuteStartCpu) / 60);
          minuteStartCpu = cpu;
        }
      }
      double idleCpu = cpuSeconds(operator.pid()) - cpuAtReady;
      report("idle %d s: CPU %.1f s (%.1f%% of one core); RSS %d MiB, peak %d MiB", IDLE.toSeconds(), idleCpu,
          100 * idleCpu / IDLE.toSeconds(), residentKiB(operator.pid()) / 1024, peakRss.get() / 1024);
    }
  }

  /** The ImageRepositories, ImagePolicies and automations, all on the registry repository and the one Git repo. */
  private static String objects(String image) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < REPOSITORIES; i++) {
      yaml.append("""
          apiVersion: image.toolkit.fluxcd.io/v1
          kind: ImageRepository
          metadata: {name: repo-%1$d, namespace: %2$s}
          spec: {image: '%3$s', interval: 5m, insecure: true}
          ---
          apiVersion: image.toolkit.fluxcd.io/v1
          kind: ImagePolicy
          metadata: {name: policy-%1$d, namespace: %2$s}
          spec:
            imageRepositoryRef: {name: repo-%1$d}
            filterTags: {pattern: '^dev-[0-9a-f]{7}-(?P<run>[0-9]+)$', extract: '$run'}
            policy: {numerical: {order: asc}}
          ---
          """.formatted(i, NAMESPACE, image));
    }
    for (int i = 0; i < AUTOMATIONS; i++) {
      yaml.append("""
          apiVersion: image.toolkit.fluxcd.io/v1
          kind: ImageUpdateAutomation
          metadata: {name: auto-%1$d, namespace: %2$s}
          spec:
            interval: 5m
            sourceRef: {kind: GitRepository, name: fleet}
            git:
              commit: {author: {name: fluxbot, email: fluxbot@example.com}}
              push: {branch: main}
            update: {path: ./apps/dev}
          ---
          """.formatted(i, NAMESPACE));
    }
    return yaml.toString();
  }

  private static long readyPolicies(KubernetesClient client) {
    return client.resources(ImagePolicy.class).inNamespace(NAMESPACE).list().getItems().stream()
        .filter(p -> Conditions.isReady(Conditions.of(p))).count();
  }

  private static long readyAutomations(KubernetesClient client) {
    return client.resources(ImageUpdateAutomation.class).inNamespace(NAMESPACE).list().getItems().stream()
        .filter(a -> Conditions.isReady(Conditions.of(a))).count();
  }

  private static long residentKiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  /** utime + stime of the process (fields 14 and 15 of /proc/PID/stat, after the parenthesised name). */
  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void report(String format, Object... args) {
    System.out.println("OperatorScaleBenchmark: " + String.format(format, args));
  }
}
