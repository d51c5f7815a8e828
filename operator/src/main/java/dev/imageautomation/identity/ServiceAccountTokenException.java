package dev.imageautomation.identity;

/**
 * The API server would not issue a ServiceAccount token (account gone, RBAC, no API server): worth retrying, since
 * the account or the permission may appear. The message names the account and says why, never with a token; each
 * user of the port (registry, git provider) passes it on as its own failure.
 */
public final class ServiceAccountTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceAccountTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
