package dev.imageautomation.git;

/** The server refused the push for a reason a retry cannot fix (protected branch, hook, permissions), or retries ran out. */
public class PushRejectedException extends GitException {

    private static final long serialVersionUID = 1L;

    public PushRejectedException(String message) {
        super(message);
    }
}
