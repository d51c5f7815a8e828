package dev.imageautomation.registry;

/** {@code spec.image} cannot be used as written; the object should stall until the spec changes. */
public class InvalidImageReferenceException extends IllegalArgumentException {

    public InvalidImageReferenceException(String message) {
        super(message);
    }
}
