package dev.imageautomation.template;

/**
 * The template text is malformed. Unlike Go, which reports only the line, the message and accessors also
 * carry the column (0-based byte offset within the line, the convention Go uses for execution errors).
 */
public final class TemplateParseException extends TemplateException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    TemplateParseException(String templateName, int line, int column, String detail) {
        super("template: " + templateName + ":" + line + ":" + column + ": " + detail);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the offending token. */
    public int line() {
        return line;
    }

    /** 0-based byte offset of the offending token within its line. */
    public int column() {
        return column;
    }
}
