package dev.imageautomation.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a registry, from {@code ImageRepository.spec}: the deadline of one operation ({@code timeout}),
 * plain HTTP ({@code insecure}), TLS material ({@code certSecretRef}) and a proxy ({@code proxySecretRef}).
 * Equal settings share one HTTP client (connection pool, TLS context).
 *
 * @param timeout deadline for one listing or digest lookup, including retries
 * @param insecure allow plain HTTP (HTTPS is tried first, as go-containerregistry does)
 * @param tls extra trust and client certificate, or {@code null}
 * @param proxy proxy, or {@code null} for a direct connection
 */
public record ConnectionSettings(Duration timeout, boolean insecure, TlsSettings tls, ProxySettings proxy) {

    public static final Duration MINIMUM_TIMEOUT = Duration.ofSeconds(1);

    public ConnectionSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(MINIMUM_TIMEOUT) < 0) {
            timeout = MINIMUM_TIMEOUT; // Flux floors GetTimeout() at 1s
        }
    }

    public static ConnectionSettings defaults(Duration timeout) {
        return new ConnectionSettings(timeout, false, null, null);
    }

    public ConnectionSettings withInsecure(boolean value) {
        return new ConnectionSettings(timeout, value, tls, proxy);
    }

    public ConnectionSettings withTls(TlsSettings value) {
        return new ConnectionSettings(timeout, insecure, value, proxy);
    }

    public ConnectionSettings withProxy(ProxySettings value) {
        return new ConnectionSettings(timeout, insecure, tls, value);
    }
}
