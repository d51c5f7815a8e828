package dev.imageautomation.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Waits until a freshly started etcd or kube-apiserver serves, failing early (with its log) when it exits. */
final class Readiness {

  /** Generous: the API server competes for two CPU cores with the rest of the build on CI machines. */
  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final Duration POLL = Duration.ofMillis(100);

  private Readiness() {
  }

  static void awaitEtcd(ServerProcess etcd, int port) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(5)).build();
    awaitUntil(etcd, () -> status(http, health) == 200);
  }

  /** Waits for {@code /readyz} and the {@code default} namespace; returns the serving certificate (PEM). */
  static byte[] awaitApiServer(ServerProcess apiServer, int port, ApiServerCredentials credentials) {
    HttpClient[] http = new HttpClient[1];
    awaitUntil(apiServer, () -> {
      if (http[0] == null) {
        http[0] = trustingServingCertificate(credentials).orElse(null);
      }
      return http[0] != null && status(http[0], get(port, "/readyz", credentials)) == 200
          && status(http[0], get(port, "/api/v1/namespaces/default", credentials)) == 200;
    });
    try {
      return Files.readAllBytes(credentials.servingCertificate());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the API server's serving certificate", e);
    }
  }

  private static void awaitUntil(ServerProcess server, Probe ready) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (!ready.succeeds()) {
      if (!server.isAlive()) {
        String log = server.logTail(30);
        if (log.contains("address already in use")) {
          throw new KubeApiServer.PortTakenException(server.name() + " could not bind its port");
        }
        throw new IllegalStateException(server.name() + " exited during start-up; its log ends with:\n" + log);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(server.name() + " not ready after " + TIMEOUT.toSeconds()
            + " s; its log ends with:\n" + server.logTail(30));
      }
      sleep();
    }
  }

  private static HttpRequest get(int port, String path, ApiServerCredentials credentials) {
    return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + credentials.token())
        .timeout(Duration.ofSeconds(5)).build();
  }

  private static int status(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notYetListening) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a test server", e);
    }
  }

  /** An HTTP client trusting the certificate the API server generated, once the file is complete. */
  private static Optional<HttpClient> trustingServingCertificate(ApiServerCredentials credentials) {
    try {
      byte[] pem = Files.readAllBytes(credentials.servingCertificate());
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int index = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem))) {
        trust.setCertificateEntry("apiserver-" + index++, cert);
      }
      if (index == 0) {
        return Optional.empty();
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, factory.getTrustManagers(), null);
      return Optional.of(HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build());
    } catch (IOException | GeneralSecurityException notWrittenYet) {
      return Optional.empty();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a test server", e);
    }
  }

  @FunctionalInterface
  private interface Probe {
    boolean succeeds();
  }
}
