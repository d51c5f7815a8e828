package dev.imageautomation.template;

/**
 * A template could not be parsed or executed. Messages follow Go's {@code text/template} wording
 * ({@code template: NAME:LINE:COL: ...}) so users recognise them from Flux.
 */
public class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
