package dev.imageautomation.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server: a handler per path, bound to one address, on a couple of daemon threads. Several endpoint
 * groups (health, metrics, webhook) may share an address; {@link Builder#route} collects them.
 */
public final class HttpEndpoints implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpEndpoints(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static Builder on(InetSocketAddress address) {
    return new Builder(address);
  }

  /** The bound address, with the real port when port 0 was asked for. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops accepting, lets exchanges in flight finish for up to a second. */
  @Override
  public void close() {
    server.stop((int) Duration.ofSeconds(1).toSeconds());
    executor.shutdownNow();
  }

  /** Writes a plain-text response. */
  public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Collects routes, then binds. */
  public static final class Builder {
    private final InetSocketAddress address;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    private Builder(InetSocketAddress address) {
      this.address = address;
    }

    public Builder route(String path, HttpHandler handler) {
      routes.put(path, handler);
      return this;
    }

    public HttpEndpoints start() {
      try {
        HttpServer server = HttpServer.create(address, 0);
        routes.forEach(server::createContext);
        ExecutorService executor =
            Executors.newFixedThreadPool(
                2,
                runnable -> {
                  Thread thread = new Thread(runnable, "http-" + address.getPort());
                  thread.setDaemon(true);
                  return thread;
                });
        server.setExecutor(executor);
        server.start();
        return new HttpEndpoints(server, executor);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
      }
    }
  }
}
