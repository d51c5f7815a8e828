package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster someone else runs (kind, k3d, a cloud cluster), named by the kubeconfig in {@code KUBECONFIG_E2E}:
 * the same tests run there instead of against a local {@link KubeApiServer}, with no Go toolchain needed. The
 * tests install the CRDs and create namespaced objects in it; nothing is stopped when they finish.
 */
public final class ExistingCluster implements KubeCluster {

  /** Environment variable naming the kubeconfig of an existing cluster to test against. */
  public static final String KUBECONFIG_ENV = "KUBECONFIG_E2E";

  private final Path kubeconfig;
  private final Path kubectl;
  private final Path cacheDir;

  private ExistingCluster(Path kubeconfig, Path kubectl, Path cacheDir) {
    this.kubeconfig = kubeconfig;
    this.kubectl = kubectl;
    this.cacheDir = cacheDir;
  }

  /** The cluster named by {@code KUBECONFIG_E2E}, if that variable is set. */
  public static Optional<ExistingCluster> fromEnvironment(Map<String, String> env) {
    String path = env.get(KUBECONFIG_ENV);
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    Path kubeconfig = Path.of(path);
    if (!Files.isReadable(kubeconfig)) {
      throw new IllegalStateException(KUBECONFIG_ENV + " names " + kubeconfig + ", which is not a readable file");
    }
    try {
      // one cache for all runs: kubectl keys it by server address, and a directory per run would pile up
      Path cacheDir = Files.createDirectories(
          Path.of(System.getProperty("java.io.tmpdir"), "image-automation-kubectl"));
      return Optional.of(new ExistingCluster(kubeconfig, kubectlOnPathOrBuilt(env), cacheDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built kubectl when there is one, else {@code kubectl} from the PATH. */
  private static Path kubectlOnPathOrBuilt(Map<String, String> env) {
    Path built = KubeBinaries.in(KubeBinaries.directory(env)).kubectl();
    return Files.isExecutable(built) ? built : Path.of("kubectl");
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public Path kubectlBinary() {
    return kubectl;
  }

  @Override
  public Path kubectlCacheDir() {
    return cacheDir;
  }

  @Override
  public void close() {
    // not ours to stop
  }
}
