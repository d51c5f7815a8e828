package dev.imageautomation.template;

/**
 * One lexeme of a template, as Go's {@code text/template/parse} lexer emits it.
 *
 * @param type  what kind of lexeme
 * @param value the source text (or the error message for {@link TokenType#ERROR})
 * @param pos   byte offset in the template text (UTF-16 offset here; equal for ASCII templates)
 * @param line  1-based line of the lexeme's start
 */
record Token(TokenType type, String value, int pos, int line) {

    /** Renders the token the way Go's parser quotes it in error messages. */
    String describe() {
        if (type == TokenType.EOF) {
            return "EOF";
        }
        if (type == TokenType.ERROR) {
            return value;
        }
        if (type.isKeyword()) {
            return "<" + value + ">";
        }
        if (value.codePointCount(0, value.length()) > 10) {
            int end = value.offsetByCodePoints(0, 10);
            return GoQuote.quote(value.substring(0, end)) + "...";
        }
        return GoQuote.quote(value);
    }
}
