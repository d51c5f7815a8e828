package dev.imageautomation.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A scriptable HTTP server for the client's failure modes that a real registry will not produce on demand:
 * pagination, 401/429/5xx, slow answers. Records every request it receives.
 */
final class StubHttpServer implements AutoCloseable {

    record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Response(int status, Map<String, String> headers, String body, long delayMillis) {
        static Response json(String body) {
            return new Response(200, Map.of("Content-Type", "application/json"), body, 0);
        }

        static Response status(int status, Map<String, String> headers) {
            return new Response(status, headers, "", 0);
        }

        Response withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Response(status, all, body, delayMillis);
        }

        Response delayed(long millis) {
            return new Response(status, headers, body, millis);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> handler = r -> Response.status(404, Map.of());

    StubHttpServer() {
        this(null);
    }

    /** Over HTTPS with {@code tls} (see {@link SelfSignedTls}), or plain HTTP when it is {@code null}. */
    StubHttpServer(SSLContext tls) {
        try {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (tls == null) {
                server = HttpServer.create(loopback, 0);
            } else {
                HttpsServer https = HttpsServer.create(loopback, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    StubHttpServer handler(Function<Request, Response> value) {
        this.handler = value;
        return this;
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    List<Request> requestsTo(String pathPrefix) {
        return requests.stream().filter(r -> r.uri().getPath().startsWith(pathPrefix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Response response = handler.apply(request);
            if (response.delayMillis() > 0) {
                Thread.sleep(response.delayMillis());
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = bytes.length == 0 || "HEAD".equals(request.method());
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
            if (!noBody) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }
}
