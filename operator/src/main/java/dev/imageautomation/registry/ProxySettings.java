package dev.imageautomation.registry;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * An HTTP(S) proxy from {@code proxySecretRef}: {@code address} and optional {@code username}/{@code password}.
 *
 * @param address {@code http://host:port} or {@code https://host:port}
 * @param username proxy user, or {@code null}
 * @param password proxy password (only used with a username), or {@code null}
 */
public record ProxySettings(URI address, String username, String password) {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    public ProxySettings {
        if (address == null || address.getHost() == null || address.getScheme() == null
                || !SCHEMES.contains(address.getScheme().toLowerCase(Locale.ROOT))) {
            // the JDK client speaks HTTP CONNECT only; socks5 is refused rather than silently ignored
            throw new IllegalArgumentException("proxy address must be http://host:port or https://host:port");
        }
    }

    /** Parses the secret's {@code address}; the message never repeats it, since it may embed credentials. */
    public static ProxySettings of(String address, String username, String password) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("proxy secret has no 'address'");
        }
        if (address.length() > 2048) {
            throw new IllegalArgumentException("proxy address is longer than 2048 characters");
        }
        URI uri;
        try {
            uri = URI.create(address.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("proxy address is not a valid URL", null);
        }
        return new ProxySettings(uri, blankToNull(username), blankToNull(password));
    }

    public boolean hasCredentials() {
        return username != null;
    }

    public int port() {
        if (address.getPort() > 0) {
            return address.getPort();
        }
        return address.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    @Override
    public String toString() {
        return "ProxySettings[" + address.getHost() + ":" + port() + ", user=" + (username != null) + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
