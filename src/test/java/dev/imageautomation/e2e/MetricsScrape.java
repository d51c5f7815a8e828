package dev.imageautomation.e2e;

import dev.imageautomation.OperatorMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** One scrape of the operator's {@code /metrics}, read series by series as Prometheus prints them. */
record MetricsScrape(String text) {

  static MetricsScrape of(OperatorMain operator) {
    URI uri = URI.create("http://127.0.0.1:" + operator.metricsAddress().orElseThrow().getPort() + "/metrics");
    try {
      return new MetricsScrape(HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of {@code series}, written {@code name{label="value",…}} with the labels in Prometheus's order. */
  double value(String series) {
    return Arrays.stream(text.split("\n"))
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series + " in /metrics"));
  }
}
