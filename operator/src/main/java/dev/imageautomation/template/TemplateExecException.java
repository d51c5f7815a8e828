package dev.imageautomation.template;

/** Executing the template failed; the message names the location exactly as Go's {@code ExecError} does. */
public final class TemplateExecException extends TemplateException {
    private static final long serialVersionUID = 1L;

    TemplateExecException(String message, Throwable cause) {
        super(message, cause);
    }
}
