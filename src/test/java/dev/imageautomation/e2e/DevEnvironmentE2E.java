package dev.imageautomation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.testing.GitCli;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.KubeCluster;
import dev.imageautomation.testing.RegistryServer;
import dev.imageautomation.testing.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference document's complete dev example on a real kube-apiserver, a real registry and a real smart-HTTP git server:
 * a new {@code dev-<sha>-<run>} tag pushed to the registry ends as a commit on {@code main} with the reference
 * template's message, and the reference troubleshooting commands show what the document says.
 */
@WithKubeApiServer(shared = false) // a server of its own: no other class's leftovers to reconcile
class DevEnvironmentE2E {

  private static final Logger LOG = LoggerFactory.getLogger(DevEnvironmentE2E.class);
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String PATCHES = """
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: app-name
      spec:
        values:
          image:
            tag: dev-abc1234-12345678 # {"$imagepolicy": "flux-system:app-name-dev:tag"}
      """;

  private static OperatorEnvironment environment;
  private static RegistryServer registry;
  private static GitServers git;
  @TempDir static Path storage;

  @BeforeAll
  static void start(KubernetesClient client) {
    environment = OperatorEnvironment.start(client, storage);
    registry = environment.registry();
    git = environment.git();
  }

  @AfterAll
  static void stop() {
    environment.close();
  }

  @Test
  void shouldCommitANewDevTagWithTheReferenceTemplateMessage(KubeCluster cluster, KubernetesClient client) {
    registry.pushTags("app-name", "dev-abc1234-12345678");
    git.createRepository("fleet", Map.of("apps/dev/patches.yaml", PATCHES, "README.md", "fleet\n"));
    cluster.kubectl(Manifests.devEnvironment(registry.image("app-name"), git.httpUrl("fleet"),
        git.httpUser(), git.httpPassword()), "apply", "-f", "-")
        .successfulOutput();

    await().atMost(PATIENCE).until(() -> ready(client, ImageUpdateAutomation.class, "flux-system",
        "app-name-auto-dev"));
    assertThat(environment.commitCount("fleet")).isEqualTo(1);

    registry.pushTags("app-name", "dev-def5678-12345690");
    long requested = System.nanoTime();
    requestReconcile(cluster, "imagerepository", "app-name-dev", "first-push");

    await().atMost(PATIENCE).until(() -> environment.commitCount("fleet") == 2);
    LOG.info("reconcile request (flux reconcile image repository) to pushed commit: {} ms",
        (System.nanoTime() - requested) / 1_000_000);
    assertThat(GitCli.git(git.bareRepository("fleet"), "log", "-1", "--format=%B", "main"))
        .isEqualTo("chore: automated image update\n\nAutomation: flux-system/app-name-auto-dev\n\n");
    assertThat(GitCli.git(git.bareRepository("fleet"), "show", "main:apps/dev/patches.yaml"))
        .isEqualTo(PATCHES.replace("dev-abc1234-12345678", "dev-def5678-12345690"));
    assertThat(cluster.kubectl("", "get", "imagepolicy", "app-name-dev", "-n", "flux-system", "-o",
        "jsonpath={.status.latestImage}").successfulOutput())
        .isEqualTo(registry.image("app-name") + ":dev-def5678-12345690");
    await().atMost(PATIENCE).until(() -> GitCli.git(git.bareRepository("fleet"), "rev-parse", "main").trim()
        .equals(client.resources(ImageUpdateAutomation.class).inNamespace("flux-system")
            .withName("app-name-auto-dev").get().getStatus().getLastPushCommit()));
    assertThat(cluster.kubectl("", "get", "imagerepository", "-n", "flux-system").successfulOutput())
        .containsPattern("app-name-dev\\s+\\S+/app-name\\s+2\\s+True\\s+successful scan: found 2 tags");
    assertThat(cluster.kubectl("", "get", "imagepolicy", "-n", "flux-system").successfulOutput())
        .containsPattern("app-name-dev\\s+\\S+/app-name\\s+dev-def5678-12345690\\s+True\\s+Latest image tag");
    assertThat(client.resources(ImageRepository.class).inNamespace("flux-system").withName("app-name-dev").get()
        .getStatus().getLastHandledReconcileAt()).isEqualTo("first-push");
    await().atMost(PATIENCE).untilAsserted(() -> assertRunsOfTheDevFlowInControllerRuntimeMetrics(
        MetricsScrape.of(environment.operator())));
  }

  /** Both pushes went through each controller; every controller's first run only added the finalizer. */
  private static void assertRunsOfTheDevFlowInControllerRuntimeMetrics(MetricsScrape metrics) {
    for (String controller : List.of("imagerepository", "imagepolicy", "imageupdateautomation")) {
      String ofController = "{controller=\"" + controller + "\"";
      String ofQueue = ofController + ",name=\"" + controller + "\"}";
      assertThat(metrics.value("controller_runtime_reconcile_total" + ofController + ",result=\"requeue\"}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(metrics.value("controller_runtime_reconcile_time_seconds_count" + ofController + "}"))
          .isGreaterThanOrEqualTo(3);
      assertThat(metrics.value("controller_runtime_max_concurrent_reconciles" + ofController + "}")).isEqualTo(12);
      assertThat(metrics.value("workqueue_adds_total" + ofQueue)).isGreaterThanOrEqualTo(3);
      assertThat(metrics.value("workqueue_queue_duration_seconds_count" + ofQueue)).isGreaterThanOrEqualTo(3);
    }
    assertThat(metrics.value("controller_runtime_reconcile_total{controller=\"imageupdateautomation\","
        + "result=\"requeue_after\"}")).isGreaterThanOrEqualTo(2);
    assertThat(metrics.value("gotk_reconcile_duration_seconds_count{kind=\"ImageUpdateAutomation\","
        + "name=\"app-name-auto-dev\",namespace=\"flux-system\"}")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldStallABadSemverRangeWithAnEventAndRecoverWhenItIsFixed(KubeCluster cluster, KubernetesClient client) {
    registry.pushTags("semver-app", "v1.0.0", "v1.2.3", "v2.0.0-rc.1");
    cluster.kubectl(Manifests.semverPolicy("semver-ns", registry.image("semver-app"), "1.0.0p"), "apply", "-f", "-")
        .successfulOutput();

    await().atMost(PATIENCE).until(() -> condition(client, ImagePolicy.class, "semver-ns", "app-name-prod",
        "Stalled").map(c -> c.getStatus().equals("True")).orElse(false));
    assertThat(condition(client, ImagePolicy.class, "semver-ns", "app-name-prod", "Ready"))
        .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("InvalidPolicy"));
    assertThat(cluster.kubectl("", "get", "events", "-n", "semver-ns", "--field-selector",
        "reason=InvalidPolicy", "-o", "jsonpath={.items[*].type}").successfulOutput()).contains("Warning");

    cluster.kubectl(Manifests.semverPolicy("semver-ns", registry.image("semver-app"), ">=1.0.0"), "apply", "-f", "-")
        .successfulOutput();

    await().atMost(PATIENCE).until(() -> ready(client, ImagePolicy.class, "semver-ns", "app-name-prod"));
    assertThat(client.resources(ImagePolicy.class).inNamespace("semver-ns").withName("app-name-prod").get()
        .getStatus().getLatestRef().getTag()).isEqualTo("v1.2.3");
  }

  @Test
  void shouldReportABadImageAndAnUnreachableRegistryWithTheirReasonsAndKeepRunning(KubeCluster cluster,
      KubernetesClient client) {
    cluster.kubectl("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: bad-inputs
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata:
          name: with-scheme
          namespace: bad-inputs
        spec:
          image: https://ghcr.io/org/app
          interval: 1m
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata:
          name: unreachable
          namespace: bad-inputs
        spec:
          image: 127.0.0.1:1/org/app
          interval: 1m
          timeout: 2s
          insecure: true
        """, "apply", "-f", "-").successfulOutput();

    await().atMost(PATIENCE).until(() -> condition(client, ImageRepository.class, "bad-inputs", "with-scheme",
        "Stalled").isPresent());
    assertThat(condition(client, ImageRepository.class, "bad-inputs", "with-scheme", "Ready"))
        .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("ImageURLInvalid"));
    await().atMost(PATIENCE).until(() -> condition(client, ImageRepository.class, "bad-inputs", "unreachable",
        "Ready").map(c -> c.getReason().equals("ReadOperationFailed")).orElse(false));
    assertThat(condition(client, ImageRepository.class, "bad-inputs", "unreachable", "Reconciling"))
        .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("ProgressingWithRetry"));
    assertThat(cluster.kubectl("", "get", "events", "-n", "bad-inputs", "-o",
        "jsonpath={.items[*].reason}").successfulOutput()).contains("ImageURLInvalid", "ReadOperationFailed");
    await().atMost(PATIENCE).untilAsserted(() -> {
      MetricsScrape metrics = MetricsScrape.of(environment.operator());
      assertThat(metrics.value("controller_runtime_reconcile_errors_total{controller=\"imagerepository\"}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(metrics.value("workqueue_retries_total{controller=\"imagerepository\",name=\"imagerepository\"}"))
          .isGreaterThanOrEqualTo(1);
    });
  }

  @Test
  void shouldShowAScanInProgressWhileTheRegistryIsStillAnswering(KubeCluster cluster, KubernetesClient client)
      throws Exception {
    try (SilentServer silent = new SilentServer()) {
      cluster.kubectl("""
          apiVersion: v1
          kind: Namespace
          metadata:
            name: slow-scan
          ---
          apiVersion: image.toolkit.fluxcd.io/v1
          kind: ImageRepository
          metadata:
            name: slow
            namespace: slow-scan
          spec:
            image: 127.0.0.1:%d/org/app
            interval: 1m
            timeout: 5m
            insecure: true
          """.formatted(silent.port()), "apply", "-f", "-").successfulOutput();

      await().atMost(PATIENCE).until(() -> silent.accepted() > 0);
      // the scan is now waiting for an answer that the server withholds: the object must say so already
      assertThat(condition(client, ImageRepository.class, "slow-scan", "slow", "Reconciling"))
          .hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getMessage()).isEqualTo("processing object: new generation -1 -> 1");
          });
      assertThat(condition(client, ImageRepository.class, "slow-scan", "slow", "Ready"))
          .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("Unknown"));
    }
    await().atMost(PATIENCE).until(() -> condition(client, ImageRepository.class, "slow-scan", "slow",
        "Ready").map(c -> c.getReason().equals("ReadOperationFailed")).orElse(false));
  }

  /** Accepts connections and never answers, until closed: a registry stuck mid-request. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50,
        InetAddress.getLoopbackAddress());
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor = new Thread(this::accept, "silent-registry");

    SilentServer() throws IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int accepted() {
      return held.size();
    }

    private void accept() {
      try {
        while (true) {
          held.add(socket.accept());
        }
      } catch (IOException closed) {
        // close() ends the loop
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket connection : held) {
        connection.close();
      }
    }
  }

  private static void requestReconcile(KubeCluster cluster, String kind, String name, String value) {
    cluster.kubectl("", "annotate", "--overwrite", "-n", "flux-system", kind, name,
        "reconcile.fluxcd.io/requestedAt=" + value).successfulOutput();
  }


  static <T extends HasMetadata> boolean ready(KubernetesClient client, Class<T> type, String namespace,
      String name) {
    return condition(client, type, namespace, name, "Ready").map(c -> c.getStatus().equals("True")).orElse(false);
  }

  static <T extends HasMetadata> Optional<Condition> condition(KubernetesClient client, Class<T> type,
      String namespace, String name, String conditionType) {
    T object = client.resources(type).inNamespace(namespace).withName(name).get();
    if (object == null) {
      return Optional.empty();
    }
    List<Condition> conditions = dev.imageautomation.reconciler.Conditions.of(object);
    return conditions.stream().filter(c -> conditionType.equals(c.getType())).findFirst();
  }
}
