package dev.imageautomation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.Main;
import dev.imageautomation.testing.RegistryServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} reads ServiceAccounts from the manifest files too: an ImageRepository with only
 * {@code serviceAccountName} scans a password-protected registry with the account's {@code imagePullSecrets}.
 */
class RunServiceAccountPullSecretIT {

  private static final String MANIFESTS = """
      apiVersion: image.toolkit.fluxcd.io/v1
      kind: ImageRepository
      metadata: {name: app-name, namespace: apps}
      spec: {image: "%s", interval: 5m, serviceAccountName: %s}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: scanner, namespace: apps}
      imagePullSecrets: [{name: registry-auth}]
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: registry-auth, namespace: apps}
      type: kubernetes.io/dockerconfigjson
      stringData:
        .dockerconfigjson: '%s'
      """;

  private static RegistryServer registry;
  @TempDir Path dir;

  @BeforeAll
  static void startRegistry() {
    registry = RegistryServer.start(RegistryServer.Mode.HTPASSWD);
    registry.pushTags("org/app-name", "1.0.0", "1.1.0");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void shouldScanWithTheServiceAccountsPullSecretReadFromTheFiles() throws Exception {
    String out = run(manifests("scanner"));

    assertThat(out).containsPattern("apps\\s+app-name\\s+\\S+/org/app-name\\s+2\\s+True\\s+successful scan");
  }

  @Test
  void shouldReportAMissingServiceAccountAsAnAuthenticationFailure() throws Exception {
    String out = run(manifests("nobody"));

    assertThat(out).contains("failed to configure authentication options: serviceaccount 'apps/nobody' not found");
  }

  private Path manifests(String serviceAccount) throws Exception {
    Path file = dir.resolve("manifests.yaml");
    Files.writeString(file, MANIFESTS.formatted(registry.image("org/app-name"), serviceAccount,
        registry.dockerConfigJson()));
    return file;
  }

  private static String run(Path manifests) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      Main.execute("run", "-f", manifests.toString());
      return buffer.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(out);
    }
  }
}
