package dev.imageautomation.testing;

import java.nio.file.Path;
import java.util.List;

/** The command lines of the test etcd and kube-apiserver: loopback only, everything under the work directory. */
final class ServerCommands {

  private ServerCommands() {
  }

  static List<String> etcd(Path binary, Path workDir, int clientPort, int peerPort) {
    String client = "http://127.0.0.1:" + clientPort;
    String peer = "http://127.0.0.1:" + peerPort;
    return List.of(binary.toString(),
        "--name=test",
        "--data-dir=" + workDir.resolve("etcd-data"),
        "--listen-client-urls=" + client,
        "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer,
        "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=test=" + peer,
        "--initial-cluster-state=new",
        // test data is thrown away: durability is not worth an fsync per write on a shared CI disk
        "--unsafe-no-fsync",
        "--log-level=warn");
  }

  static List<String> kubeApiServer(Path binary, Path workDir, ApiServerCredentials credentials, int etcdPort,
      int securePort) {
    return List.of(binary.toString(),
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        // nothing in-cluster needs the kubernetes service endpoints; the reconciler also refuses loopback addresses
        "--endpoint-reconciler-type=none",
        "--secure-port=" + securePort,
        // no serving certificate given: the API server writes a self-signed one here, which the kubeconfig trusts
        "--cert-dir=" + credentials.certDir(),
        "--token-auth-file=" + credentials.tokenFile(),
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + credentials.serviceAccountPublicKey(),
        "--service-account-signing-key-file=" + credentials.serviceAccountPrivateKey(),
        "--service-cluster-ip-range=10.0.0.0/24",
        // no controller-manager creates the default service accounts, so pods could not be admitted with it
        "--disable-admission-plugins=ServiceAccount",
        "--profiling=false");
  }
}
