package dev.imageautomation.git.provider;

/**
 * A provider could not issue a token (refused, unreachable, malformed answer): worth retrying. The message is
 * written for {@code kubectl describe} and never carries a private key, a signed JWT or a token.
 */
public final class GitProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GitProviderException(String message) {
        super(message, null, false, false);
    }
}
