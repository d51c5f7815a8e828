package dev.imageautomation.registry;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Sends one registry request within the operation's deadline, retrying 408/429/5xx answers and connection
 * failures per {@link RetryPolicy}. A {@code Retry-After} the deadline or the policy cannot honour fails the
 * request at once: waiting less than asked would only be refused again, and a partial tag list must never be
 * stored.
 */
final class RetryingSender {

    private final HttpClient http;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    RetryingSender(HttpClient http, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request, Deadline deadline, String operation) {
        for (int attempt = 1; ; attempt++) {
            if (deadline.remaining().isZero()) {
                throw deadline.exceeded(operation);
            }
            HttpResponse<byte[]> response;
            try {
                response = exchange(request, deadline, operation);
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw new RegistryException(operation + ": " + describe(e) + " (after " + attempt + " attempts)", e);
                }
                pause(policy.backoff(attempt), deadline, operation, describe(e));
                continue;
            }
            if (!RetryPolicy.isRetryableStatus(response.statusCode())) {
                return response;
            }
            pause(retryDelay(response, attempt, operation), deadline, operation, "HTTP " + response.statusCode());
        }
    }

    /** One exchange; only connection failures come back as {@link IOException}, to be retried. */
    private HttpResponse<byte[]> exchange(HttpRequest.Builder request, Deadline deadline, String operation)
            throws IOException {
        try {
            return http.send(request.timeout(deadline.remaining()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw deadline.exceeded(operation);
        } catch (SSLException e) {
            // a TLS failure (untrusted certificate, plain HTTP server) does not heal by waiting
            throw new RegistryException(operation + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(operation + ": interrupted", e);
        }
    }

    private Duration retryDelay(HttpResponse<byte[]> response, int attempt, String operation) {
        int status = response.statusCode();
        if (attempt >= policy.maxAttempts()) {
            throw new RegistryException(operation + ": HTTP " + status + RegistryErrors.detail(response.body())
                    + " (after " + attempt + " attempts)", status, null);
        }
        Duration wait = retryAfter(response).orElse(policy.backoff(attempt));
        if (wait.compareTo(policy.maxDelay()) > 0) {
            throw new RegistryException(operation + ": HTTP " + status + ", registry asked to retry after "
                    + wait.toSeconds() + "s, longer than the " + policy.maxDelay().toSeconds() + "s we wait",
                    status, null);
        }
        return wait;
    }

    private void pause(Duration wait, Deadline deadline, String operation, String cause) {
        if (!deadline.allows(wait)) {
            throw new RegistryException(operation + ": " + cause + ", and the retry in " + wait.toMillis()
                    + "ms would pass the " + deadline.budget().toMillis() + "ms deadline (spec.timeout)");
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(operation + ": interrupted", e);
        }
    }

    /** {@code Retry-After}: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(clock.instant(), at.toInstant());
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
