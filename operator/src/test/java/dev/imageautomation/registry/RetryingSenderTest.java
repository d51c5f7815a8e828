package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryingSenderTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @ParameterizedTest(name = "Retry-After: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "5 | PT5S",
        "0 | PT0S",
        "Mon, 01 Jun 2026 10:00:30 GMT | PT30S",
        "Mon, 01 Jun 2026 09:00:00 GMT | PT0S",
    })
    void shouldReadRetryAfterAsSecondsOrAsAnHttpDate(String header, String expected) {
        RetryingSender sender = new RetryingSender(HttpClient.newHttpClient(), RetryPolicy.DEFAULT, d -> { },
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(sender.retryAfter(response(header))).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"soon", "''"})
    void shouldIgnoreAnUnreadableRetryAfter(String header) {
        RetryingSender sender = new RetryingSender(HttpClient.newHttpClient(), RetryPolicy.DEFAULT, d -> { },
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(sender.retryAfter(response(header))).isEmpty();
    }

    private static HttpResponse<byte[]> response(String retryAfter) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
        return new HttpResponse<>() {
            public int statusCode() { return 429; }
            public HttpRequest request() { return null; }
            public Optional<HttpResponse<byte[]>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return headers; }
            public byte[] body() { return new byte[0]; }
            public Optional<SSLSession> sslSession() { return Optional.empty(); }
            public URI uri() { return URI.create("http://x/"); }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
