package dev.imageautomation.git;

import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.jgit.transport.URIish;

/**
 * A repository URL as JGit will use it. SSH URLs without a user get Flux's default user {@code git}.
 * {@link #toString()} never shows a password embedded in the URL.
 */
public final class GitUrl {

    private static final String DEFAULT_SSH_USER = "git";

    private final URIish uri;

    private GitUrl(URIish uri) {
        this.uri = uri;
    }

    /** @throws IllegalArgumentException when the text is not a URL JGit understands */
    public static GitUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the repository URL is empty");
        }
        try {
            URIish parsed = new URIish(url.trim());
            if (isSshScheme(parsed) && parsed.getUser() == null) {
                parsed = parsed.setUser(DEFAULT_SSH_USER);
            }
            return new GitUrl(parsed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the repository URL is not valid: " + e.getReason());
        }
    }

    public boolean isSsh() {
        return isSshScheme(uri);
    }

    public boolean isHttp() {
        String scheme = scheme();
        return scheme.equals("http") || scheme.equals("https");
    }

    public boolean isHttps() {
        return scheme().equals("https");
    }

    /** The URL JGit connects to: with the user name, never with a password (see {@link GitCredentials#orFromUrl}). */
    String forTransport() {
        return uri.toString();
    }

    /** User name embedded in the URL, or null. */
    String user() {
        return uri.getUser();
    }

    /** Password embedded in the URL, or null. */
    String password() {
        return uri.getPass();
    }

    /** The URL without any user or password: the identity used for caching and locking. */
    public String withoutUserInfo() {
        return uri.setUser(null).setPass(null).toString();
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GitUrl that && withoutUserInfo().equals(that.withoutUserInfo());
    }

    @Override
    public int hashCode() {
        return withoutUserInfo().hashCode();
    }

    private String scheme() {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static boolean isSshScheme(URIish parsed) {
        String scheme = parsed.getScheme();
        if (scheme == null) {
            // scp-like "git@host:path" has no scheme but a host
            return parsed.getHost() != null && parsed.isRemote() && !parsed.toString().contains("://");
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("ssh") || lower.equals("git+ssh") || lower.equals("ssh+git");
    }
}
