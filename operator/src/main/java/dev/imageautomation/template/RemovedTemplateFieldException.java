package dev.imageautomation.template;

/**
 * The template uses {@code .Updated} or {@code .Changed.ImageResult}, which Flux removed in v1. Flux stalls the
 * automation with reason {@code RemovedTemplateField} (no retry until the spec changes); the message is Flux's.
 */
public final class RemovedTemplateFieldException extends TemplateException {
    private static final long serialVersionUID = 1L;
    private static final String DOCS = "See: https://fluxcd.io/flux/components/image/imageupdateautomations/#message-template";
    private final String field;

    RemovedTemplateFieldException(String field, Throwable cause) {
        super(message(field), cause);
        this.field = field;
    }

    /** {@code .Updated} or {@code .Changed.ImageResult}. */
    public String field() {
        return field;
    }

    private static String message(String field) {
        return switch (field) {
            case ".Updated" -> "template uses removed '.Updated' field. Please use '.Changed' instead. " + DOCS;
            case ".Changed.ImageResult" -> "template uses removed '.Changed.ImageResult' field. Please use "
                    + "'.Changed.FileChanges' or '.Changed.Objects' instead. " + DOCS;
            default -> "template uses removed '" + field + "' field. " + DOCS;
        };
    }
}
