package dev.imageautomation.e2e;

import static dev.imageautomation.e2e.DevEnvironmentE2E.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.testing.GitCli;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.KubeCluster;
import dev.imageautomation.testing.RegistryServer;
import dev.imageautomation.testing.WithKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A registry push notification triggers the chain at once; a suspended repository only records requests. */
@WithKubeApiServer(shared = false) // a server of its own: no other class's leftovers to reconcile
class WebhookAndSuspendE2E {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAndSuspendE2E.class);
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String TOKEN = "e2e-receiver-token";

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
  void shouldCommitAsSoonAsTheRegistryReportsAPush(KubeCluster cluster, KubernetesClient client) throws Exception {
    String namespace = "hook-ns";
    registry.pushTags("hooked", "dev-abc1234-1");
    git.createRepository("hooked", Map.of("apps/dev/patches.yaml", Manifests.patches(namespace, "dev-abc1234-1")));
    cluster.kubectl(Manifests.devInNamespace(namespace, registry.image("hooked"), git.httpUrl("hooked"),
        git.httpUser(), git.httpPassword(), "registry-hook"), "apply", "-f", "-").successfulOutput();
    cluster.kubectl("", "create", "secret", "generic", "registry-hook", "-n", namespace,
        "--from-literal=token=" + TOKEN).successfulOutput();
    await().atMost(PATIENCE).until(() -> ready(client, ImageUpdateAutomation.class, namespace,
        "app-name-auto-dev"));

    long pushed = System.nanoTime();
    registry.pushTags("hooked", "dev-fedcba9-2");
    HttpResponse<String> response = notifyPush(namespace, "registry-hook", TOKEN, "hooked", "dev-fedcba9-2");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).contains(namespace + "/app-name-dev");
    await().atMost(PATIENCE).until(() -> environment.commitCount("hooked") == 2);
    LOG.info("registry push to pushed commit through the webhook: {} ms", (System.nanoTime() - pushed) / 1_000_000);
    assertThat(GitCli.git(git.bareRepository("hooked"), "log", "-1", "--format=%B", "main"))
        .isEqualTo("chore: automated image update\n\n- dev-abc1234-1 -> dev-fedcba9-2\n\n");
    assertThat(notifyPush(namespace, "registry-hook", "wrong-token", "hooked", "x").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldRecordButNotScanWhileSuspendedAndScanOnResume(KubeCluster cluster, KubernetesClient client) {
    String namespace = "suspend-ns";
    registry.pushTags("paused", "dev-abc1234-1");
    git.createRepository("paused", Map.of("apps/dev/patches.yaml", Manifests.patches(namespace, "dev-abc1234-1")));
    cluster.kubectl(Manifests.devInNamespace(namespace, registry.image("paused"), git.httpUrl("paused"),
        git.httpUser(), git.httpPassword(), ""), "apply", "-f", "-").successfulOutput();
    await().atMost(PATIENCE).until(() -> ready(client, ImageRepository.class, namespace, "app-name-dev"));

    cluster.kubectl("", "patch", "imagerepository", "app-name-dev", "-n", namespace, "--type=merge", "-p",
        "{\"spec\":{\"suspend\":true}}").successfulOutput();
    registry.pushTags("paused", "dev-fedcba9-2");
    cluster.kubectl("", "annotate", "--overwrite", "imagerepository", "app-name-dev", "-n", namespace,
        "reconcile.fluxcd.io/requestedAt=while-suspended").successfulOutput();

    await().atMost(PATIENCE).until(() -> "while-suspended".equals(repository(client, namespace).getStatus()
        .getLastHandledReconcileAt()));
    assertThat(repository(client, namespace).getStatus().getLastScanResult().getTagCount()).isEqualTo(1);

    cluster.kubectl("", "patch", "imagerepository", "app-name-dev", "-n", namespace, "--type=merge", "-p",
        "{\"spec\":{\"suspend\":false}}").successfulOutput();
    cluster.kubectl("", "annotate", "--overwrite", "imagerepository", "app-name-dev", "-n", namespace,
        "reconcile.fluxcd.io/requestedAt=resumed").successfulOutput();

    await().atMost(PATIENCE).until(() -> repository(client, namespace).getStatus().getLastScanResult()
        .getTagCount() == 2);
    await().atMost(PATIENCE).until(() -> environment.commitCount("paused") == 2);
  }

  private static ImageRepository repository(KubernetesClient client, String namespace) {
    return client.resources(ImageRepository.class).inNamespace(namespace).withName("app-name-dev").get();
  }

  /** A Distribution registry "push" notification, as {@code registry:2} sends it with a configured header. */
  private static HttpResponse<String> notifyPush(String namespace, String receiver, String token,
      String repository, String tag) throws Exception {
    String body = """
        {"events":[{"action":"push","target":{"repository":"%s","tag":"%s"},"request":{"host":"%s"}}]}
        """.formatted(repository, tag, registry.hostPort());
    URI uri = URI.create("http://127.0.0.1:" + environment.operator().webhookAddress().orElseThrow().getPort() + "/hook/"
        + namespace + "/" + receiver);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

}
