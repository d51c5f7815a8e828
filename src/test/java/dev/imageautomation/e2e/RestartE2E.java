package dev.imageautomation.e2e;

import static dev.imageautomation.e2e.DevEnvironmentE2E.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imageautomation.OperatorMain;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.testing.GitCli;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.KubeCluster;
import dev.imageautomation.testing.RegistryServer;
import dev.imageautomation.testing.WithKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator stopped and replaced by a new one with empty storage (a pod rescheduled with its emptyDir lost):
 * a tag pushed while no operator ran is committed exactly once by the new one, and nothing already pushed is
 * pushed again.
 */
@WithKubeApiServer(shared = false) // a server of its own: no other class's leftovers to reconcile
class RestartE2E {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String NAMESPACE = "restart-ns";

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
  void shouldCommitATagPushedWhileStoppedExactlyOnceAfterARestartWithEmptyStorage(KubeCluster cluster,
      KubernetesClient client) {
    registry.pushTags("restarted", "dev-abc1234-1", "dev-bcd2345-2");
    git.createRepository("restarted", Map.of("apps/dev/patches.yaml", Manifests.patches(NAMESPACE,
        "dev-abc1234-1")));
    cluster.kubectl(Manifests.devInNamespace(NAMESPACE, registry.image("restarted"), git.httpUrl("restarted"),
        git.httpUser(), git.httpPassword(), ""), "apply", "-f", "-").successfulOutput();

    try (OperatorMain first = OperatorFixture.start(client, storage.resolve("first"), Map.of())) {
      await().atMost(PATIENCE).until(() -> commitCount() == 2);
      await().atMost(PATIENCE).until(() -> ready(client, ImageUpdateAutomation.class, NAMESPACE,
          "app-name-auto-dev"));
    }
    registry.pushTags("restarted", "dev-cde3456-3");

    try (OperatorMain second = OperatorFixture.start(client, storage.resolve("second"), Map.of())) {
      await().atMost(PATIENCE).until(() -> commitCount() == 3);
      await().atMost(PATIENCE).until(() -> "dev-cde3456-3".equals(client.resources(ImageUpdateAutomation.class)
          .inNamespace(NAMESPACE).withName("app-name-auto-dev").get().getStatus().getObservedPolicies()
          .get("app-name-dev").getTag()));
      cluster.kubectl("", "annotate", "--overwrite", "imageupdateautomation", "app-name-auto-dev", "-n",
          NAMESPACE, "reconcile.fluxcd.io/requestedAt=after-restart").successfulOutput();
      await().atMost(PATIENCE).until(() -> "after-restart".equals(client.resources(ImageUpdateAutomation.class)
          .inNamespace(NAMESPACE).withName("app-name-auto-dev").get().getStatus().getLastHandledReconcileAt()));
    }

    assertThat(commitCount()).isEqualTo(3);
    assertThat(GitCli.git(git.bareRepository("restarted"), "show", "main:apps/dev/patches.yaml"))
        .contains("tag: dev-cde3456-3 #");
    assertThat(client.resources(ImagePolicy.class).inNamespace(NAMESPACE).withName("app-name-dev").get()
        .getStatus().getLatestRef().getTag()).isEqualTo("dev-cde3456-3");
  }

  private static int commitCount() {
    return BranchHistory.commitCount(git.bareRepository("restarted"));
  }
}
