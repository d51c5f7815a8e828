package dev.imageautomation.git;

/**
 * A git operation failed. The message is meant for a condition or an event: it says what failed and why, and it
 * never contains a credential (messages from JGit and servers are redacted, and a cause whose message carries a
 * secret is not attached).
 */
public class GitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Builds an exception from a low-level failure, redacting secrets and dropping causes that carry them. */
    static GitException of(String what, Throwable cause, GitCredentials credentials) {
        String detail = credentials.redact(describe(cause));
        String message = detail == null ? what : what + ": " + detail;
        return chainLeaks(cause, credentials) ? new GitException(message) : new GitException(message, cause);
    }

    private static boolean chainLeaks(Throwable cause, GitCredentials credentials) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (credentials.leaksInto(t.getMessage()) || credentials.leaksInto(t.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The outermost message (what failed) and, when it adds something, the innermost one (why). */
    private static String describe(Throwable cause) {
        String outer = null;
        String inner = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                outer = outer == null ? t.getMessage() : outer;
                inner = t.getMessage();
            }
        }
        if (outer == null || outer.contains(inner)) {
            return outer;
        }
        return outer + " (" + inner + ")";
    }
}
