package dev.imageautomation.git.provider;

import dev.imageautomation.git.PemKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A GitHub App installation to act as: the app, its private key, the installation (by ID, or by the organization
 * or user it is installed on) and the API it lives behind ({@code https://api.github.com}, or a GitHub Enterprise
 * Server's {@code https://<host>/api/v3}). {@link #toString()} never shows the key.
 *
 * @param appId the app's numeric ID ({@code iss} of the app JWT)
 * @param privateKey the app's RSA signing key
 * @param keyDigest SHA-256 of the key's PEM text: part of the token cache key, never the key itself
 * @param installationId the installation, or null when {@code installationOwner} names it
 * @param installationOwner the account the app is installed on, or null when {@code installationId} is given
 * @param apiBase the REST API root, without a trailing slash
 */
public record GitHubApp(long appId, RSAPrivateKey privateKey, String keyDigest, Long installationId,
        String installationOwner, URI apiBase) {

    public static final URI DEFAULT_API = URI.create("https://api.github.com");

    public GitHubApp {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(apiBase, "apiBase");
        if ((installationId == null) == (installationOwner == null)) {
            throw new IllegalArgumentException("exactly one of an installation ID or an installation owner is needed");
        }
    }

    /**
     * @param privateKeyPem the PEM the app's settings page issues ({@code BEGIN RSA PRIVATE KEY}) or PKCS#8
     * @param apiBase null or blank for {@link #DEFAULT_API}
     * @throws IllegalArgumentException for a key that is not a PEM RSA key or an API base that is not an http(s) URL;
     *     the message names what is wrong, never the value of the key
     */
    public static GitHubApp of(long appId, String privateKeyPem, Long installationId, String installationOwner,
            String apiBase) {
        PrivateKey key = PemKeys.privateKey(privateKeyPem, "githubAppPrivateKey");
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new IllegalArgumentException("'githubAppPrivateKey' is not an RSA key (GitHub Apps sign with RS256)");
        }
        return new GitHubApp(appId, rsa, sha256(privateKeyPem.trim()), installationId, installationOwner,
                apiBaseOf(apiBase));
    }

    private static URI apiBaseOf(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_API;
        }
        URI uri;
        try {
            uri = URI.create(text.trim().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'githubAppBaseURL' is not a URL");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("'githubAppBaseURL' must be an http(s) URL such as "
                    + "https://github.example.com/api/v3");
        }
        return uri;
    }

    /** {@code installation 42} or {@code the installation on 'my-org'}, for messages. */
    String installationDescription() {
        return installationId != null ? "installation " + installationId
                : "the installation on '" + installationOwner + "'";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "GitHubApp[appId=" + appId + ", " + installationDescription() + ", api=" + apiBase + "]";
    }
}
