package dev.imageautomation.registry;

/**
 * A registry or credential operation failed. Messages name the registry, the operation and the HTTP status or
 * cause, never a credential; they end up in {@code scan failed: <message>} conditions.
 */
public class RegistryException extends RuntimeException {

    private final int statusCode;

    public RegistryException(String message) {
        this(message, 0, null);
    }

    public RegistryException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public RegistryException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The HTTP status that caused the failure, or 0 when it was not an HTTP answer. */
    public int statusCode() {
        return statusCode;
    }
}
