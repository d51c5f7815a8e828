package dev.imageautomation.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hook/<namespace>/<receiver>}: authenticates the call against the receiver's token and requests an
 * immediate scan of the repositories the pushed images concern. Answers 202 with the triggered repositories,
 * 401 for an unknown receiver or a wrong token (the same answer, so receivers cannot be discovered), 405 for other
 * methods, 413 for bodies over 1 MiB.
 */
public final class WebhookHandler implements HttpHandler {

  public static final String PATH = "/hook/";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
  private static final int MAX_BODY = 1 << 20;

  private final ReceiverDirectory directory;

  public WebhookHandler(ReceiverDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        reply(exchange, 405, "{\"error\":\"use POST\"}");
        return;
      }
      String[] parts = exchange.getRequestURI().getPath().substring(PATH.length()).split("/");
      byte[] body = readAtMost(exchange.getRequestBody());
      if (body == null) {
        reply(exchange, 413, "{\"error\":\"body larger than 1 MiB\"}");
        return;
      }
      if (parts.length != 2 || !authentic(exchange, parts[0], parts[1], body)) {
        reply(exchange, 401, "{\"error\":\"unknown receiver or invalid token\"}");
        return;
      }
      List<PushEvent> pushes = PushPayloads.parse(body);
      List<String> triggered = directory.trigger(parts[0], parts[1], pushes);
      LOG.atInfo().addKeyValue("receiver", parts[0] + "/" + parts[1]).addKeyValue("pushes", pushes.size())
          .addKeyValue("triggered", triggered).log("registry webhook received");
      reply(exchange, 202, "{\"triggered\":" + jsonArray(triggered) + "}");
    }
  }

  private boolean authentic(HttpExchange exchange, String namespace, String receiver, byte[] body) {
    Optional<byte[]> token = directory.token(namespace, receiver);
    return token.isPresent()
        && ReceiverAuthenticator.isAuthentic(
            lowerCaseHeaders(exchange), exchange.getRequestURI().getRawQuery(), body, token.get());
  }

  private static Map<String, List<String>> lowerCaseHeaders(HttpExchange exchange) {
    Map<String, List<String>> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    return headers;
  }

  private static byte[] readAtMost(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    return body.length > MAX_BODY ? null : body;
  }

  private static String jsonArray(List<String> values) {
    StringBuilder json = new StringBuilder("[");
    for (String value : values) {
      json.append(json.length() > 1 ? "," : "").append('"').append(value.replace("\"", "")).append('"');
    }
    return json.append(']').toString();
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
