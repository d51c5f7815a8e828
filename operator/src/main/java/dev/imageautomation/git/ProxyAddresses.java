package dev.imageautomation.git;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Locale;
import org.eclipse.jgit.transport.sshd.ProxyData;

/** Turns a GitRepository's proxy address ({@code http://}, {@code https://} or {@code socks5://}) into JDK/JGit proxies. */
final class ProxyAddresses {

    private ProxyAddresses() {
    }

    static Proxy toProxy(GitCredentials.ProxySettings settings) {
        if (settings == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(settings.address().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("proxy 'address' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("proxy 'address' has no host");
        }
        return switch (scheme) {
            case "http", "https" -> new Proxy(Proxy.Type.HTTP, address(uri, 8080));
            case "socks5", "socks" -> new Proxy(Proxy.Type.SOCKS, address(uri, 1080));
            default -> throw new IllegalArgumentException("proxy 'address' must be an http, https or socks5 URL");
        };
    }

    static ProxyData sshProxy(GitCredentials.ProxySettings settings) {
        Proxy proxy = toProxy(settings);
        if (proxy == null) {
            return null;
        }
        char[] password = settings.password() == null ? null : settings.password().toCharArray();
        return new ProxyData(proxy, settings.username(), password);
    }

    private static InetSocketAddress address(URI uri, int defaultPort) {
        return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : defaultPort);
    }
}
