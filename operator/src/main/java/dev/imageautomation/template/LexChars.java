package dev.imageautomation.template;

/** Character classes of Go's template lexer. */
final class LexChars {
    private LexChars() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlphaNumeric(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    static String quoteRune(int cp) {
        return Character.isISOControl(cp) ? "" : " '" + new String(Character.toChars(cp)) + "'";
    }
}
