package dev.imageautomation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imageautomation.OperatorMain;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.config.OperatorSetting;
import dev.imageautomation.packaging.Helm;
import dev.imageautomation.packaging.Impersonation;
import dev.imageautomation.packaging.RepositoryLayout;
import dev.imageautomation.testing.GitCli;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.KubeCluster;
import dev.imageautomation.testing.RegistryServer;
import dev.imageautomation.testing.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole operator with a client the API server authorizes as the chart's ServiceAccount (impersonation), and
 * nothing but the chart's ClusterRole and Role bound to it: the reference dev example still ends as a pushed commit,
 * with its status and events written. Together with {@code RbacProofIT} (each rule refused breaks a named call), the
 * chart's RBAC is both sufficient and minimal. Leader election is proved there (JOSDK's access check and the Lease
 * calls), not here: with {@code exitOnStopLeading} JOSDK ends the JVM when a leading operator is closed, which would
 * end the test run. Own API server, so no other test's operator or objects share {@code flux-system}.
 */
@WithKubeApiServer(shared = false)
class ChartRbacE2E {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String PATCHES = """
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: app-name
      spec:
        values:
          image:
            tag: dev-abc1234-1 # {"$imagepolicy": "flux-system:app-name-dev:tag"}
      """;

  private static RegistryServer registry;
  private static GitServers git;
  private static KubernetesClient asOperator;
  private static OperatorMain operator;
  @TempDir static Path storage;

  @BeforeAll
  static void installTheChartRbacAndStartTheOperatorAsItsServiceAccount(KubernetesClient admin) throws Exception {
    admin.resource(new NamespaceBuilder().withNewMetadata().withName(RepositoryLayout.NAMESPACE).endMetadata()
        .build()).serverSideApply();
    String yaml = Helm.locate().template("--set", "crds.install=false").requireSuccess().stdout();
    for (HasMetadata object : admin.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
      if (!(object instanceof Deployment)) {
        admin.resource(object).fieldManager("helm").serverSideApply();
      }
    }
    registry = RegistryServer.start(RegistryServer.Mode.PLAIN);
    git = GitServers.start();
    asOperator = Impersonation.asServiceAccount(admin, RepositoryLayout.NAMESPACE, RepositoryLayout.RELEASE_NAME);
    operator = OperatorFixture.start(asOperator, storage,
        Map.of(OperatorSetting.RUNTIME_NAMESPACE, RepositoryLayout.NAMESPACE));
  }

  @AfterAll
  static void stop() {
    operator.close();
    asOperator.close();
    git.close();
    registry.close();
  }

  @Test
  void shouldPushTheReferenceDevCommitWithOnlyTheChartsRbac(KubeCluster cluster, KubernetesClient admin) {
    registry.pushTags("app-name", "dev-abc1234-1", "dev-def5678-2");
    git.createRepository("fleet", Map.of("apps/dev/patches.yaml", PATCHES));
    cluster.kubectl(Manifests.devEnvironment(registry.image("app-name"), git.httpUrl("fleet"),
        git.httpUser(), git.httpPassword()), "apply", "-f", "-").successfulOutput();

    await().atMost(PATIENCE).until(() -> gitLog("fleet").size() == 2);
    await().atMost(PATIENCE).until(() -> DevEnvironmentE2E.ready(admin, ImageUpdateAutomation.class,
        RepositoryLayout.NAMESPACE, "app-name-auto-dev"));

    assertThat(GitCli.git(git.bareRepository("fleet"), "show", "main:apps/dev/patches.yaml"))
        .isEqualTo(PATCHES.replace("dev-abc1234-1", "dev-def5678-2"));
    assertThat(admin.resources(ImageUpdateAutomation.class).inNamespace(RepositoryLayout.NAMESPACE)
        .withName("app-name-auto-dev").get().getStatus().getLastPushCommit())
        .isEqualTo(GitCli.git(git.bareRepository("fleet"), "rev-parse", "main").trim());
    assertThat(admin.v1().events().inNamespace(RepositoryLayout.NAMESPACE).list().getItems())
        .as("events recorded as the service account")
        .anyMatch(event -> event.getMessage().startsWith("pushed commit"));
  }

  private static List<String> gitLog(String repository) {
    return GitCli.git(git.bareRepository(repository), "log", "--format=%H", "main").lines().toList();
  }
}
