package dev.imageautomation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.api.v1.ImageUpdateAutomationStatus;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.KubeCluster;
import dev.imageautomation.testing.RegistryServer;
import dev.imageautomation.testing.WithKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator process SIGKILLed at several moments after a new tag is pushed and its scan requested (before the
 * scan, during the clone, around the push), then restarted on the same storage, as a pod whose container is
 * OOM-killed keeps its emptyDir: every tag ends on the branch exactly once, in order, and the automation observes it.
 */
@WithKubeApiServer(shared = false) // a server of its own: no other class's leftovers to reconcile
class KillMidRunE2E {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String NAMESPACE = "killed-ns";
  /** On this machine the push lands 300 to 800 ms after the request: most kill points fall around it. */
  private static final List<Duration> KILL_AFTER = List.of(Duration.ZERO, Duration.ofMillis(300),
      Duration.ofMillis(450), Duration.ofMillis(600), Duration.ofMillis(800), Duration.ofMillis(2000));

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
  void shouldCommitEveryTagExactlyOnceWhenKilledMidRunAndRestarted(KubeCluster cluster, KubernetesClient client)
      throws InterruptedException {
    registry.pushTags("killed", "dev-abc1234-0");
    git.createRepository("killed", Map.of("apps/dev/patches.yaml", Manifests.patches(NAMESPACE, "dev-abc1234-0")));
    cluster.kubectl(Manifests.devInNamespace(NAMESPACE, registry.image("killed"), git.httpUrl("killed"),
        git.httpUser(), git.httpPassword(), ""), "apply", "-f", "-").successfulOutput();
    Path bare = git.bareRepository("killed");
    List<String> expected = new ArrayList<>(List.of("dev-abc1234-0"));

    OperatorProcess operator = startLeading(cluster, client, 0);
    try {
      for (int run = 1; run <= KILL_AFTER.size(); run++) {
        String tag = "dev-abc1234-" + run;
        String previousTag = expected.get(expected.size() - 1);
        await().atMost(PATIENCE).until(() -> observedTag(client).filter(previousTag::equals).isPresent());
        registry.pushTags("killed", tag);
        cluster.kubectl("", "annotate", "--overwrite", "imagerepository", "app-name-dev", "-n", NAMESPACE,
            "reconcile.fluxcd.io/requestedAt=run-" + run).successfulOutput();
        Thread.sleep(KILL_AFTER.get(run - 1).toMillis());
        operator.kill();
        System.out.printf("KillMidRunE2E: killed %d ms after the scan request; the branch %s the new tag%n",
            KILL_AFTER.get(run - 1).toMillis(), BranchHistory.mainHasTag(bare, tag) ? "already had" : "lacked");
        operator = startLeading(cluster, client, run);
        expected.add(tag);

        await().atMost(PATIENCE).until(() -> observedTag(client).filter(tag::equals).isPresent());
        assertThat(BranchHistory.tagsOnMain(bare)).as(operator.logTail()).containsExactlyElementsOf(expected);
      }
    } finally {
      operator.close();
    }
  }

  /** A new replica on the same storage, once it holds the Lease (the killed one's lease must expire first). */
  private static OperatorProcess startLeading(KubeCluster cluster, KubernetesClient client, int generation) {
    String identity = "killed-" + generation;
    OperatorProcess operator = OperatorProcess.start(cluster, identity, NAMESPACE, storage.resolve("data"));
    await().atMost(PATIENCE).until(() -> OperatorProcess.leaseHolder(client, NAMESPACE)
        .filter(holder -> holder.startsWith(identity + "_")).isPresent());
    return operator;
  }

  private static Optional<String> observedTag(KubernetesClient client) {
    ImageUpdateAutomationStatus status = automation(client).getStatus();
    if (status == null || status.getObservedPolicies() == null
        || !status.getObservedPolicies().containsKey("app-name-dev")) {
      return Optional.empty();
    }
    return Optional.of(status.getObservedPolicies().get("app-name-dev").getTag());
  }

  private static ImageUpdateAutomation automation(KubernetesClient client) {
    return client.resources(ImageUpdateAutomation.class).inNamespace(NAMESPACE).withName("app-name-auto-dev").get();
  }
}
