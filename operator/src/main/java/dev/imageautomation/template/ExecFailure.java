package dev.imageautomation.template;

/** Unchecked carrier for an execution error deep in the tree walk; becomes {@link TemplateExecException}. */
final class ExecFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
