package dev.imageautomation.registry;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Builds the JDK {@link HttpClient} for {@link ConnectionSettings}: TLS trust and client certificate, proxy. */
final class JdkHttpClients {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private JdkHttpClients() {
    }

    static HttpClient create(ConnectionSettings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // RegistrySession follows them, minding credentials
                .connectTimeout(settings.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0
                        ? settings.timeout() : MAX_CONNECT_TIMEOUT);
        if (settings.tls() != null) {
            builder.sslContext(TlsContexts.create(settings.tls()));
        }
        ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.address().getHost(), proxy.port())));
        }
        return builder.build();
    }

    /**
     * The proxy's Basic credentials, sent pre-emptively: the JDK disables Basic for HTTPS tunnels by default
     * ({@code jdk.http.auth.tunneling.disabledSchemes}), while a header set on the request is copied to CONNECT.
     */
    static String proxyAuthorization(ConnectionSettings settings) {
        ProxySettings proxy = settings.proxy();
        if (proxy == null || !proxy.hasCredentials()) {
            return null;
        }
        String pair = proxy.username() + ":" + (proxy.password() == null ? "" : proxy.password());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
