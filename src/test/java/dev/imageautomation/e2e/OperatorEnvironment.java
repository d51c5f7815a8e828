package dev.imageautomation.e2e;

import dev.imageautomation.OperatorMain;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.RegistryServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * What most end-to-end classes run beside the API server: a plain registry, the git servers and the whole
 * operator in this JVM. Closed in reverse order of start.
 */
record OperatorEnvironment(RegistryServer registry, GitServers git, OperatorMain operator) implements AutoCloseable {

  static OperatorEnvironment start(KubernetesClient client, Path storage) {
    RegistryServer registry = RegistryServer.start(RegistryServer.Mode.PLAIN);
    GitServers git = GitServers.start();
    return new OperatorEnvironment(registry, git, OperatorFixture.start(client, storage, Map.of()));
  }

  /** Commits on {@code main} of one of the git servers' repositories. */
  int commitCount(String repository) {
    return BranchHistory.commitCount(git.bareRepository(repository));
  }

  @Override
  public void close() {
    operator.close();
    git.close();
    registry.close();
  }
}
