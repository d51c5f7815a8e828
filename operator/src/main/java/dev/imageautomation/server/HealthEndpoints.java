package dev.imageautomation.server;

import com.sun.net.httpserver.HttpHandler;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} answers 200 while the process serves requests; {@code /readyz} answers 200 once the operator
 * has started its controllers (and 503 before, and again while shutting down), so a rolling update waits for it.
 */
public final class HealthEndpoints {

  private HealthEndpoints() {}

  public static HttpHandler liveness() {
    return exchange -> HttpEndpoints.respond(exchange, 200, "text/plain; charset=utf-8", "ok");
  }

  public static HttpHandler readiness(BooleanSupplier ready) {
    return exchange -> {
      boolean isReady = ready.getAsBoolean();
      HttpEndpoints.respond(
          exchange, isReady ? 200 : 503, "text/plain; charset=utf-8", isReady ? "ok" : "not ready");
    };
  }
}
