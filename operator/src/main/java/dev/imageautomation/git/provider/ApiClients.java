package dev.imageautomation.git.provider;

import dev.imageautomation.git.GitCredentials;
import dev.imageautomation.git.TlsMaterial;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * JDK HTTP clients for a provider's API that take the repository's own route: the Secret's {@code ca.crt} (and
 * client certificate) and the {@code proxySecretRef} proxy, so the API call and the git transfer agree.
 */
final class ApiClients {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ApiClients() {
    }

    static HttpClient create(GitCredentials connection) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (connection.caCertificate() != null || connection.clientCertificate() != null) {
            builder.sslContext(TlsMaterial.from(connection).sslContext());
        }
        if (connection.proxy() != null) {
            Proxy proxy = connection.proxy().toProxy();
            if (proxy.type() != Proxy.Type.HTTP) {
                // the JDK client only speaks HTTP proxies; going direct instead would bypass the proxy silently
                throw new GitProviderException("the provider API cannot be reached through a SOCKS proxy; give "
                        + "proxySecretRef an http:// proxy address");
            }
            builder.proxy(ProxySelector.of((InetSocketAddress) proxy.address()));
        }
        return builder.build();
    }

    /**
     * A request to the API with the proxy's Basic credentials sent up front: the JDK client copies this header into
     * the CONNECT of an HTTPS tunnel (once {@code jdk.http.auth.tunneling.disabledSchemes} no longer lists Basic,
     * which the entry point sees to), where it would not answer a challenge with Basic itself.
     */
    static HttpRequest.Builder request(URI uri, GitCredentials connection) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        GitCredentials.ProxySettings proxy = connection.proxy();
        if (proxy != null && proxy.username() != null) {
            String pair = proxy.username() + ":" + (proxy.password() == null ? "" : proxy.password());
            request.header("Proxy-Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
