package dev.imageautomation.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.server.HttpEndpoints;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookHandlerTest {

  private static final String TOKEN = "s3cr3t-receiver-token";
  private static final String BODY = "{\"image\":\"ghcr.io/org/app\",\"tag\":\"v1\"}";

  private final RecordingDirectory directory = new RecordingDirectory();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpEndpoints endpoints;

  @BeforeEach
  void start() {
    endpoints =
        HttpEndpoints.on(new InetSocketAddress("127.0.0.1", 0))
            .route(WebhookHandler.PATH, new WebhookHandler(directory))
            .start();
  }

  @AfterEach
  void stop() {
    endpoints.close();
  }

  @Test
  void shouldTriggerTheReceiverWhenTheBearerTokenIsRight() throws Exception {
    HttpResponse<String> response = post("/hook/apps/ghcr", Map.of("Authorization", "Bearer " + TOKEN));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).contains("apps/app");
    assertThat(directory.triggered)
        .containsExactly(List.of(new PushEvent(Optional.of("ghcr.io"), "org/app", Optional.of("v1"))));
  }

  @Test
  void shouldAcceptAnHmacSignatureOfTheBodyAndATokenInTheQuery() throws Exception {
    String signature = "sha256=" + ReceiverAuthenticator.hmacHex(bytes(TOKEN), bytes(BODY));

    assertThat(post("/hook/apps/ghcr", Map.of("X-Hub-Signature-256", signature)).statusCode()).isEqualTo(202);
    assertThat(post("/hook/apps/ghcr?token=" + TOKEN, Map.of()).statusCode()).isEqualTo(202);
    assertThat(directory.triggered).hasSize(2);
  }

  @Test
  void shouldRefuseWrongTokensBadSignaturesAndUnknownReceiversAlike() throws Exception {
    String badSignature = "sha256=" + ReceiverAuthenticator.hmacHex(bytes("other"), bytes(BODY));

    assertThat(post("/hook/apps/ghcr", Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
    assertThat(post("/hook/apps/ghcr", Map.of("X-Hub-Signature-256", badSignature)).statusCode()).isEqualTo(401);
    assertThat(post("/hook/apps/ghcr", Map.of()).statusCode()).isEqualTo(401);
    assertThat(post("/hook/apps/unknown", Map.of("Authorization", "Bearer " + TOKEN)).statusCode()).isEqualTo(401);
    assertThat(directory.triggered).isEmpty();
  }

  private HttpResponse<String> post(String pathAndQuery, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + endpoints.address().getPort() + pathAndQuery))
            .POST(HttpRequest.BodyPublishers.ofString(BODY));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A directory with one receiver, {@code apps/ghcr}, recording what it was asked to trigger. */
  private static final class RecordingDirectory implements ReceiverDirectory {
    final List<List<PushEvent>> triggered = new ArrayList<>();

    @Override
    public Optional<byte[]> token(String namespace, String receiver) {
      return namespace.equals("apps") && receiver.equals("ghcr") ? Optional.of(bytes(TOKEN)) : Optional.empty();
    }

    @Override
    public synchronized List<String> trigger(String namespace, String receiver, List<PushEvent> pushes) {
      triggered.add(pushes);
      return List.of("apps/app");
    }
  }
}
