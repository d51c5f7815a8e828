package dev.imageautomation.git;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a GitRepository's {@code secretRef} and {@code proxySecretRef} may carry (Flux spec 4.7), as plain
 * values. Which fields are used depends on the URL scheme; {@link #validateFor(GitUrl)} applies Flux's rules.
 * {@link #toString()} names only which kinds of credential are present, never a value.
 *
 * @param username HTTPS basic-auth user
 * @param password HTTPS basic-auth password
 * @param bearerToken HTTPS {@code Authorization: Bearer} token
 * @param caCertificate PEM CA bundle trusted for this repository only ({@code ca.crt})
 * @param clientCertificate PEM client certificate chain for mutual TLS ({@code tls.crt})
 * @param clientKey PEM private key of the client certificate ({@code tls.key})
 * @param sshIdentity OpenSSH or PEM private key ({@code identity})
 * @param sshPassphrase passphrase of {@code sshIdentity} (the Secret's {@code password} key on ssh URLs)
 * @param knownHosts OpenSSH known_hosts lines; the server key must be listed here
 * @param proxy proxy to reach the repository through, or null
 */
public record GitCredentials(
        String username,
        String password,
        String bearerToken,
        String caCertificate,
        String clientCertificate,
        String clientKey,
        String sshIdentity,
        String sshPassphrase,
        String knownHosts,
        ProxySettings proxy) {

    /** Anonymous access, as with no {@code secretRef}. */
    public static final GitCredentials NONE = new GitCredentials(null, null, null, null, null, null, null, null, null, null);

    public GitCredentials {
        username = emptyToNull(username);
        password = emptyToNull(password);
        bearerToken = emptyToNull(bearerToken);
        caCertificate = emptyToNull(caCertificate);
        clientCertificate = emptyToNull(clientCertificate);
        clientKey = emptyToNull(clientKey);
        sshIdentity = emptyToNull(sshIdentity);
        sshPassphrase = emptyToNull(sshPassphrase);
        knownHosts = emptyToNull(knownHosts);
    }

    public static GitCredentials basicAuth(String username, String password) {
        return NONE.withBasicAuth(username, password);
    }

    public static GitCredentials bearer(String token) {
        return new GitCredentials(null, null, token, null, null, null, null, null, null, null);
    }

    public static GitCredentials ssh(String identity, String passphrase, String knownHosts) {
        return new GitCredentials(null, null, null, null, null, null, identity, passphrase, knownHosts, null);
    }

    /** The same TLS, SSH and proxy settings with HTTP Basic credentials instead of any bearer token. */
    public GitCredentials withBasicAuth(String user, String pass) {
        return new GitCredentials(user, pass, null, caCertificate, clientCertificate, clientKey,
                sshIdentity, sshPassphrase, knownHosts, proxy);
    }

    /** The same TLS, SSH and proxy settings with a bearer token instead of any Basic credentials. */
    public GitCredentials withBearerToken(String token) {
        return new GitCredentials(null, null, token, caCertificate, clientCertificate, clientKey,
                sshIdentity, sshPassphrase, knownHosts, proxy);
    }

    public GitCredentials withCaCertificate(String pem) {
        return new GitCredentials(username, password, bearerToken, pem, clientCertificate, clientKey,
                sshIdentity, sshPassphrase, knownHosts, proxy);
    }

    public GitCredentials withClientCertificate(String certificatePem, String keyPem) {
        return new GitCredentials(username, password, bearerToken, caCertificate, certificatePem, keyPem,
                sshIdentity, sshPassphrase, knownHosts, proxy);
    }

    public GitCredentials withProxy(ProxySettings proxySettings) {
        return new GitCredentials(username, password, bearerToken, caCertificate, clientCertificate, clientKey,
                sshIdentity, sshPassphrase, knownHosts, proxySettings);
    }

    /** Flux uses user and password written in an HTTP(S) URL when the Secret has no credentials. */
    public GitCredentials orFromUrl(GitUrl url) {
        if (url.isHttp() && username == null && bearerToken == null && url.user() != null && url.password() != null) {
            return withBasicAuth(url.user(), url.password());
        }
        return this;
    }

    /**
     * Flux's per-scheme rules: ssh needs an identity and known_hosts; basic auth and a bearer token exclude
     * each other; a password needs a user name; a client certificate needs its key.
     *
     * @throws IllegalArgumentException with a message that names keys, never values
     */
    public void validateFor(GitUrl url) {
        if (url.isSsh()) {
            require(sshIdentity != null, "'identity' is required for ssh repository URLs");
            require(knownHosts != null, "'known_hosts' is required for ssh repository URLs");
            return;
        }
        require(!(bearerToken != null && (username != null || password != null)),
                "basic authentication ('username'/'password') and 'bearerToken' cannot be used together");
        require(!(password != null && username == null), "'password' is set but 'username' is missing");
        require((clientCertificate == null) == (clientKey == null), "'tls.crt' and 'tls.key' must be set together");
    }

    /** Replaces every secret value in a message (from JGit, a server or a library) with {@code ***}. */
    public String redact(String message) {
        if (message == null) {
            return null;
        }
        String result = message;
        for (String secret : secrets()) {
            result = result.replace(secret, "***");
        }
        return result;
    }

    /** Whether a message contains a secret value, so that a cause carrying it is dropped rather than logged. */
    boolean leaksInto(String message) {
        return message != null && secrets().stream().anyMatch(message::contains);
    }

    private List<String> secrets() {
        List<String> values = new ArrayList<>();
        Stream.of(password, bearerToken, clientKey, sshIdentity, sshPassphrase)
                .filter(value -> value != null && value.length() >= 4)
                .forEach(values::add);
        if (proxy != null && proxy.password() != null && proxy.password().length() >= 4) {
            values.add(proxy.password());
        }
        return values;
    }

    @Override
    public String toString() {
        List<String> kinds = new ArrayList<>();
        addIf(kinds, username != null, "basicAuth");
        addIf(kinds, bearerToken != null, "bearerToken");
        addIf(kinds, caCertificate != null, "caCertificate");
        addIf(kinds, clientCertificate != null, "clientCertificate");
        addIf(kinds, sshIdentity != null, "sshIdentity");
        addIf(kinds, knownHosts != null, "knownHosts");
        addIf(kinds, proxy != null, "proxy");
        return "GitCredentials" + kinds;
    }

    private static void addIf(List<String> kinds, boolean present, String kind) {
        if (present) {
            kinds.add(kind);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * A GitRepository's {@code proxySecretRef}. The address is checked when the record is made, so a wrong Secret
     * is reported before any connection; messages never repeat the address, which may embed credentials.
     *
     * @param address {@code http://}, {@code https://} or {@code socks5://} URL of the proxy
     * @param username optional proxy user; else the user written in the address, as Flux allows
     * @param password optional proxy password; else the one written in the address
     */
    public record ProxySettings(String address, String username, String password) {

        public ProxySettings {
            if (address == null || address.isBlank()) {
                throw new IllegalArgumentException("proxy 'address' is required");
            }
            if (address.length() > 2048) {
                throw new IllegalArgumentException("proxy 'address' is longer than 2048 characters");
            }
            ProxyAddresses.parse(address);
            String[] fromAddress = ProxyAddresses.userInfo(address);
            boolean ownUser = emptyToNull(username) != null;
            username = ownUser ? username : fromAddress[0];
            password = ownUser ? emptyToNull(password) : fromAddress[1];
        }

        /** The proxy as the JDK names it: {@code HTTP} for http and https addresses, {@code SOCKS} for socks5. */
        public java.net.Proxy toProxy() {
            return ProxyAddresses.parse(address);
        }

        @Override
        public String toString() {
            return "ProxySettings[" + ProxyAddresses.describe(address) + (username == null ? "" : ", authenticated")
                    + "]";
        }
    }
}
