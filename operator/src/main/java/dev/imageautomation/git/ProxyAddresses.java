package dev.imageautomation.git;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jgit.transport.sshd.ProxyData;

/**
 * Turns a GitRepository's proxy address ({@code http://}, {@code https://} or {@code socks5://}) into JDK/JGit
 * proxies. Messages never repeat the address: it may carry a user and password.
 */
final class ProxyAddresses {

    private ProxyAddresses() {
    }

    static Proxy toProxy(GitCredentials.ProxySettings settings) {
        return settings == null ? null : parse(settings.address());
    }

    /**
     * @throws IllegalArgumentException when the address is not an http, https or socks5 URL with a host
     */
    static Proxy parse(String address) {
        URI uri = uri(address);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> new Proxy(Proxy.Type.HTTP, socketAddress(uri, 8080));
            case "socks5", "socks" -> new Proxy(Proxy.Type.SOCKS, socketAddress(uri, 1080));
            default -> throw new IllegalArgumentException("proxy 'address' must be an http, https or socks5 URL");
        };
    }

    /** The user and password written in the address ({@code http://user:pass@host}), each null when absent. */
    static String[] userInfo(String address) {
        String info = uri(address).getRawUserInfo();
        if (info == null || info.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = info.indexOf(':');
        String user = decode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? null : decode(info.substring(colon + 1));
        return new String[] {user.isEmpty() ? null : user, password == null || password.isEmpty() ? null : password};
    }

    /** {@code scheme://host:port}, without any user information, for messages and {@code toString}. */
    static String describe(String address) {
        URI uri = uri(address);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    static ProxyData sshProxy(GitCredentials.ProxySettings settings) {
        Proxy proxy = toProxy(settings);
        if (proxy == null) {
            return null;
        }
        char[] password = settings.password() == null ? null : settings.password().toCharArray();
        return new ProxyData(proxy, settings.username(), password);
    }

    private static URI uri(String address) {
        URI uri;
        try {
            uri = URI.create(address.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("proxy 'address' is not a URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("proxy 'address' has no host");
        }
        return uri;
    }

    /** Percent-decoding only: a {@code +} in user information is a plus, not a space. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static InetSocketAddress socketAddress(URI uri, int defaultPort) {
        return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : defaultPort);
    }
}
