package dev.imageautomation.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kubernetes API the tests talk to: a {@link KubeApiServer} started by the tests, or an existing cluster named by
 * {@code KUBECONFIG_E2E} ({@link ExistingCluster}). Tests see only a kubeconfig, clients and {@code kubectl}.
 */
public interface KubeCluster extends AutoCloseable {

  /** A kubeconfig file with cluster-admin rights on this cluster. */
  Path kubeconfig();

  /** The kubectl binary to drive this cluster with. */
  Path kubectlBinary();

  /** Where kubectl caches discovery for this cluster (not the user's {@code ~/.kube/cache}). */
  Path kubectlCacheDir();

  /** A new fabric8 client for this cluster; the caller closes it. */
  default KubernetesClient newClient() {
    try {
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig()));
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code kubectl --kubeconfig <this cluster> args…}, feeding {@code stdin}, and returns what it printed on
   * stdout; a non-zero exit is an {@link IllegalStateException} carrying kubectl's stderr.
   */
  default KubectlResult kubectl(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of(kubectlBinary().toString(),
        "--kubeconfig=" + kubeconfig(), "--cache-dir=" + kubectlCacheDir()));
    command.addAll(List.of(args));
    try {
      Path stderr = Files.createTempFile("kubectl-", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try (var in = process.getOutputStream()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new KubectlResult(process.exitValue(), stdout, Files.readString(stderr));
      } finally {
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running kubectl", e);
    }
  }

  /** Stops what this cluster started (nothing, for an existing cluster). */
  @Override
  void close();

  /** What a kubectl run printed. */
  record KubectlResult(int exitCode, String stdout, String stderr) {

    /** stdout, or an {@link IllegalStateException} with stderr when kubectl failed. */
    public String successfulOutput() {
      if (exitCode != 0) {
        throw new IllegalStateException("kubectl exited with " + exitCode + ": " + stderr.strip());
      }
      return stdout;
    }
  }
}
