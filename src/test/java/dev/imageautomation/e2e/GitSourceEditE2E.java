package dev.imageautomation.e2e;

import static dev.imageautomation.e2e.DevEnvironmentE2E.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Editing an automation's GitRepository (a new generation) re-runs the automation at once, as Flux's watch does: its
 * interval is an hour and no policy moves, so only that watch can make it write to the repository the edit names.
 */
@WithKubeApiServer(shared = false) // a server of its own: no other class's leftovers to reconcile
class GitSourceEditE2E {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String NAMESPACE = "source-edit-ns";

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
  void shouldRerunTheAutomationAtOnceWhenItsGitRepositoryIsPointedElsewhere(KubeCluster cluster,
      KubernetesClient client) {
    registry.pushTags("edited", "dev-abc1234-1");
    git.createRepository("first", Map.of("apps/dev/patches.yaml", Manifests.patches(NAMESPACE, "dev-abc1234-1")));
    git.createRepository("second", Map.of("apps/dev/patches.yaml", Manifests.patches(NAMESPACE, "dev-0000000-0")));
    cluster.kubectl(Manifests.devInNamespace(NAMESPACE, registry.image("edited"), git.httpUrl("first"),
        git.httpUser(), git.httpPassword(), ""), "apply", "-f", "-").successfulOutput();
    await().atMost(PATIENCE).until(() -> ready(client, ImageUpdateAutomation.class, NAMESPACE,
        "app-name-auto-dev") && automation(client).getStatus().getObservedSourceRevision() != null);
    Path second = git.bareRepository("second");
    assertThat(BranchHistory.commitCount(second)).isEqualTo(1);

    cluster.kubectl("", "patch", "gitrepository", "fleet", "-n", NAMESPACE, "--type=merge", "-p",
        "{\"spec\":{\"url\":\"" + git.httpUrl("second") + "\"}}").successfulOutput();

    await().atMost(PATIENCE).until(() -> BranchHistory.mainHasTag(second, "dev-abc1234-1"));
    assertThat(BranchHistory.tagsOnMain(second)).containsExactly("dev-0000000-0", "dev-abc1234-1");
    await().atMost(PATIENCE).until(() -> GitCli.git(second, "rev-parse", "main").trim()
        .equals(automation(client).getStatus().getLastPushCommit()));
    assertThat(BranchHistory.commitCount(git.bareRepository("first"))).isEqualTo(1);
  }

  private static ImageUpdateAutomation automation(KubernetesClient client) {
    return client.resources(ImageUpdateAutomation.class).inNamespace(NAMESPACE).withName("app-name-auto-dev").get();
  }
}
