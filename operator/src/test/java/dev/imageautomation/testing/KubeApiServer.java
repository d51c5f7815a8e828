package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real etcd + kube-apiserver on 127.0.0.1, started from the binaries {@code scripts/kube-binaries.sh} builds.
 *
 * <p>Random free ports, everything (data, keys, certificates, logs, kubeconfig) under one temp directory that
 * {@link #close()} deletes. The API server serves HTTPS only, with RBAC authorization; the kubeconfig's user is
 * a static-token admin in {@code system:masters}, and trusts the self-signed serving certificate the API server
 * generates. {@link #shared()} is one instance per JVM, started on first use and stopped by a shutdown hook
 * (and by a watchdog process should the JVM be killed).
 *
 * <p>Written here rather than using fabric8's kube-api-test because that library binds etcd to all interfaces,
 * keeps its certificates in a directory under the user's home shared by all runs, and leaves its processes
 * running when the JVM is killed.
 */
public final class KubeApiServer implements KubeCluster {

  private static final Logger LOG = LoggerFactory.getLogger(KubeApiServer.class);
  private static final int START_ATTEMPTS = 3;
  private static KubeApiServer shared;

  private final KubeBinaries binaries;
  private final Path workDir;
  private final Path kubeconfig;
  private final List<ServerProcess> processes;

  private KubeApiServer(KubeBinaries binaries, Path workDir, Path kubeconfig, List<ServerProcess> processes) {
    this.binaries = binaries;
    this.workDir = workDir;
    this.kubeconfig = kubeconfig;
    this.processes = processes;
  }

  /** The JVM-wide server, started on first call and stopped when the JVM exits. */
  public static synchronized KubeApiServer shared() {
    if (shared == null) {
      KubeApiServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kube-apiserver-shutdown"));
      shared = server;
    }
    return shared;
  }

  /** A new server of its own; the caller closes it. */
  public static KubeApiServer start() {
    KubeBinaries binaries = KubeBinaries.locate();
    long started = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      Path workDir = createWorkDir();
      try {
        KubeApiServer server = startIn(binaries, workDir);
        LOG.info("kube-apiserver ready in {} ms, kubeconfig {}", (System.nanoTime() - started) / 1_000_000,
            server.kubeconfig);
        return server;
      } catch (PortTakenException e) {
        deleteRecursively(workDir);
        if (attempt == START_ATTEMPTS) {
          throw new IllegalStateException("kube-apiserver: no free ports after " + attempt + " attempts", e);
        }
        LOG.warn("{}; retrying with other ports", e.getMessage());
      } catch (RuntimeException e) {
        deleteRecursively(workDir);
        throw e;
      }
    }
  }

  private static KubeApiServer startIn(KubeBinaries binaries, Path workDir) {
    List<ServerProcess> processes = new ArrayList<>();
    try {
      int etcdPort = freePort();
      processes.add(ServerProcess.start("etcd", ServerCommands.etcd(binaries.etcd(), workDir, etcdPort, freePort()),
          workDir.resolve("etcd.log")));
      Readiness.awaitEtcd(processes.get(0), etcdPort);
      var credentials = ApiServerCredentials.create(workDir);
      int apiPort = freePort();
      processes.add(ServerProcess.start("kube-apiserver",
          ServerCommands.kubeApiServer(binaries.kubeApiServer(), workDir, credentials, etcdPort, apiPort),
          workDir.resolve("kube-apiserver.log")));
      var servingCert = Readiness.awaitApiServer(processes.get(1), apiPort, credentials);
      Path kubeconfig = Kubeconfig.write(workDir.resolve("kubeconfig"), apiPort, servingCert, credentials.token());
      processes.add(ServerProcess.watchOverJvm(List.copyOf(processes), workDir));
      return new KubeApiServer(binaries, workDir, kubeconfig, List.copyOf(processes));
    } catch (RuntimeException e) {
      stopAll(processes);
      throw e;
    }
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public Path kubectlBinary() {
    return binaries.kubectl();
  }

  @Override
  public Path kubectlCacheDir() {
    return workDir.resolve("kubectl-cache");
  }

  /** The PIDs of etcd, the API server and the watchdog, for tests of the teardown. */
  List<Long> processIds() {
    return processes.stream().map(ServerProcess::pid).toList();
  }

  Path workDir() {
    return workDir;
  }

  /** Stops the API server, then etcd, and deletes every file they wrote. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (Files.exists(workDir)) {
      stopAll(processes);
      deleteRecursively(workDir);
    }
  }

  private static void stopAll(List<ServerProcess> processes) {
    // newest first: the watchdog, then the API server before the etcd it writes to
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createWorkDir() {
    try {
      return Files.createTempDirectory("kube-apiserver-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }

  /** A server exited because another process took its port between our probe and its bind. */
  static final class PortTakenException extends RuntimeException {
    PortTakenException(String message) {
      super(message);
    }
  }
}
