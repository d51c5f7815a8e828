package dev.imageautomation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** The harness's own promises: RBAC on, kubectl wired to the server, nothing left behind after close. */
class KubeApiServerIT {

  @Test
  void shouldServeKubectlAndDenyAnonymousRequestsThenLeaveNoProcessOrFileBehind() throws Exception {
    KubeApiServer server = KubeApiServer.start();
    List<Long> pids;
    try (server; KubernetesClient client = server.newClient()) {
      pids = server.processIds();
      assertThat(pids).hasSize(3).allMatch(KubeApiServerIT::isRunning);

      assertThat(server.kubectl("", "get", "namespace", "default", "-o", "name").successfulOutput().strip())
          .isEqualTo("namespace/default");
      assertThat(anonymousStatus(client.getMasterUrl().toString() + "api/v1/namespaces"))
          .as("RBAC denies system:anonymous").isEqualTo(403);
    }

    assertThat(pids).noneMatch(KubeApiServerIT::isRunning);
    assertThat(Files.exists(server.workDir())).as("work directory deleted").isFalse();
  }

  private static boolean isRunning(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    return handle.isPresent() && handle.get().isAlive();
  }

  /** Status of a request with no credentials (the server's certificate is not what this test is about). */
  private static int anonymousStatus(String url) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new TrustingEverything()}, null);
    // HTTP/1.1: the API server answers unauthenticated HTTP/2 connections with GOAWAY
    HttpClient http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static final class TrustingEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
