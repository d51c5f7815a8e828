package dev.imageautomation.e2e;

import static dev.imageautomation.e2e.DevEnvironmentE2E.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imageautomation.api.v1.ImageUpdateAutomation;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the operator, each its own JVM with its own storage, elect a leader through a Lease: only the
 * holder scans, clones and pushes (the standby's storage stays empty) and a new tag lands as exactly one commit;
 * when the leader is SIGKILLed the standby takes the Lease once it expires and handles the next tag.
 */
@WithKubeApiServer(shared = false) // a server of its own: no other class's leftovers to reconcile
class LeaderElectionE2E {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String NAMESPACE = "leader-ns";

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
  void shouldLetOnlyTheLeaseHolderCommitAndHandOverWhenTheLeaderIsKilled(KubeCluster cluster,
      KubernetesClient client) {
    registry.pushTags("elected", "dev-abc1234-1");
    git.createRepository("elected", Map.of("apps/dev/patches.yaml", Manifests.patches(NAMESPACE, "dev-abc1234-1")));
    cluster.kubectl(Manifests.devInNamespace(NAMESPACE, registry.image("elected"), git.httpUrl("elected"),
        git.httpUser(), git.httpPassword(), ""), "apply", "-f", "-").successfulOutput();
    Path bare = git.bareRepository("elected");

    try (OperatorProcess a = OperatorProcess.start(cluster, "replica-a", NAMESPACE, storage.resolve("a"));
        OperatorProcess b = OperatorProcess.start(cluster, "replica-b", NAMESPACE, storage.resolve("b"))) {
      await().atMost(PATIENCE).until(() -> ready(client, ImageUpdateAutomation.class, NAMESPACE,
          "app-name-auto-dev"));
      String first = holder(client).orElseThrow();
      OperatorProcess leader = first.startsWith("replica-a_") ? a : b;
      OperatorProcess standby = leader == a ? b : a;
      Path standbyStorage = storage.resolve(leader == a ? "b" : "a");
      assertLogsAsFluxDoes(leader);

      registry.pushTags("elected", "dev-bcd2345-2");
      requestScan(cluster, "first");
      await().atMost(PATIENCE).until(() -> BranchHistory.mainHasTag(bare, "dev-bcd2345-2"));

      assertThat(BranchHistory.tagsOnMain(bare)).containsExactly("dev-abc1234-1", "dev-bcd2345-2");
      assertThat(holder(client)).contains(first);
      assertThat(standby.isAlive()).as(standby.logTail()).isTrue();
      assertThat(filesUnder(standbyStorage)).as("the standby scanned or cloned nothing").isEmpty();

      leader.kill();
      await().atMost(PATIENCE).until(() -> holder(client).filter(h -> !h.equals(first)).isPresent());
      assertThat(holder(client).orElseThrow()).startsWith(leader == a ? "replica-b_" : "replica-a_");

      registry.pushTags("elected", "dev-cde3456-3");
      requestScan(cluster, "second");
      await().atMost(PATIENCE).until(() -> BranchHistory.mainHasTag(bare, "dev-cde3456-3"));
      assertThat(BranchHistory.tagsOnMain(bare))
          .containsExactly("dev-abc1234-1", "dev-bcd2345-2", "dev-cde3456-3");
      assertThat(standby.isAlive()).as(standby.logTail()).isTrue();
    }
  }

  /** JSON lines with Flux's field names, and a warning for the Flux argument that means nothing here. */
  private static void assertLogsAsFluxDoes(OperatorProcess operator) {
    OperatorProcess.JsonLog log = operator.jsonLog();
    assertThat(log.otherLines()).as(operator.logTail()).isZero();
    assertThat(log.entries()).isNotEmpty().allSatisfy(entry -> assertThat(entry.has("level") && entry.has("ts")
        && entry.has("logger") && entry.has("msg")).as(entry.toString()).isTrue());
    assertThat(log.entries()).anySatisfy(entry -> {
      assertThat(entry.path("level").asText()).isEqualTo("warn");
      assertThat(entry.path("flag").asText()).isEqualTo("--events-addr");
    });
  }

  private static Optional<String> holder(KubernetesClient client) {
    return OperatorProcess.leaseHolder(client, NAMESPACE);
  }

  private static void requestScan(KubeCluster cluster, String value) {
    cluster.kubectl("", "annotate", "--overwrite", "imagerepository", "app-name-dev", "-n", NAMESPACE,
        "reconcile.fluxcd.io/requestedAt=" + value).successfulOutput();
  }

  private static List<Path> filesUnder(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
