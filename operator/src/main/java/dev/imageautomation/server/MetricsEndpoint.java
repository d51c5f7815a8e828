package dev.imageautomation.server;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Prometheus text exposition of the operator's meter registry. */
public final class MetricsEndpoint {

  private MetricsEndpoint() {}

  public static HttpHandler of(PrometheusMeterRegistry registry) {
    return exchange ->
        HttpEndpoints.respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
  }
}
