package dev.imageautomation.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits template text into tokens with Go's exact rules: {@code {{- } and {@code -}}} trim markers
 * (a dash followed or preceded by whitespace), comments that must touch their delimiters, runs of spaces
 * inside actions, and the same error texts. The whole input is lexed up front; an error ends the list.
 */
final class Lexer {
    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final int TRIM_MARKER_LEN = 2;

    private final String input;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int pos;
    private int parenDepth;
    private boolean insideAction;
    private int countedUpTo;
    private int countedLines = 1;

    private Lexer(String input) {
        this.input = input;
    }

    static List<Token> lex(String input) {
        Lexer lexer = new Lexer(input);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        boolean more = true;
        while (more) {
            more = insideAction ? lexInsideAction() : lexText();
        }
    }

    // ---- text and delimiters -------------------------------------------------------------

    /** Lexes text up to the next action; returns false when lexing is over. */
    private boolean lexText() {
        int x = input.indexOf(LEFT, pos);
        if (x < 0) {
            pos = input.length();
            if (pos > start) {
                emit(TokenType.TEXT);
            }
            emit(TokenType.EOF);
            return false;
        }
        if (x > pos) {
            pos = x;
            int trim = hasLeftTrimMarker(x + LEFT.length()) ? rightTrimLength(start, pos) : 0;
            pos -= trim;
            if (pos > start) {
                emit(TokenType.TEXT);
            }
            pos += trim;
            ignore();
        }
        return lexLeftDelim();
    }

    private boolean lexLeftDelim() {
        pos += LEFT.length();
        int afterMarker = hasLeftTrimMarker(pos) ? TRIM_MARKER_LEN : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return lexComment();
        }
        emit(TokenType.LEFT_DELIM);
        insideAction = true;
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return true;
    }

    private boolean lexComment() {
        pos += 2;
        int x = input.indexOf("*/", pos);
        if (x < 0) {
            return error("unclosed comment");
        }
        pos = x + 2;
        int delim = rightDelimAt(pos);
        if (delim < 0) {
            return error("comment ends before closing delimiter");
        }
        pos += delim + RIGHT.length();
        if (delim > 0) {
            pos += leftTrimLength(pos);
        }
        ignore();
        return true;
    }

    private void lexRightDelim() {
        boolean trim = rightDelimAt(pos) > 0;
        if (trim) {
            pos += TRIM_MARKER_LEN;
            ignore();
        }
        pos += RIGHT.length();
        emit(TokenType.RIGHT_DELIM);
        insideAction = false;
        if (trim) {
            pos += leftTrimLength(pos);
            ignore();
        }
    }

    // ---- inside actions ------------------------------------------------------------------

    private boolean lexInsideAction() {
        if (rightDelimAt(pos) >= 0) {
            if (parenDepth == 0) {
                lexRightDelim();
                return true;
            }
            return error("unclosed left paren");
        }
        if (pos >= input.length()) {
            return error("unclosed action");
        }
        char r = input.charAt(pos++);
        return switch (r) {
            case ' ', '\t', '\r', '\n' -> lexSpace();
            case '=' -> emit(TokenType.ASSIGN);
            case ':' -> pos < input.length() && input.charAt(pos++) == '=' ? emit(TokenType.DECLARE)
                    : error("expected :=");
            case '|' -> emit(TokenType.PIPE);
            case '"' -> lexQuote('"', TokenType.STRING, "unterminated quoted string");
            case '\'' -> lexQuote('\'', TokenType.CHAR_CONSTANT, "unterminated character constant");
            case '`' -> lexRawQuote();
            case '$' -> lexFieldOrVariable(TokenType.VARIABLE);
            case '(' -> {
                parenDepth++;
                yield emit(TokenType.LEFT_PAREN);
            }
            case ')' -> --parenDepth < 0 ? error("unexpected right paren") : emit(TokenType.RIGHT_PAREN);
            default -> lexOther(r);
        };
    }

    private boolean lexOther(char r) {
        if (r == '.' && !(pos < input.length() && LexChars.isDigit(input.charAt(pos)))) {
            return lexFieldOrVariable(TokenType.FIELD);
        }
        if (r == '.' || r == '+' || r == '-' || LexChars.isDigit(r)) {
            pos--;
            return lexNumber();
        }
        if (LexChars.isAlphaNumeric(r)) {
            pos--;
            return lexIdentifier();
        }
        if (r >= 0x20 && r < 0x7f) {
            return emit(TokenType.CHAR);
        }
        int cp = input.codePointAt(pos - 1);
        return error(String.format("unrecognized character in action: U+%04X%s", cp, LexChars.quoteRune(cp)));
    }

    private boolean lexSpace() {
        pos--;
        int spaces = 0;
        while (pos < input.length() && LexChars.isSpace(input.charAt(pos))) {
            pos++;
            spaces++;
        }
        if (rightDelimAt(pos - 1) > 0) {
            pos--;
            if (spaces == 1) {
                lexRightDelim();
                return true;
            }
        }
        return emit(TokenType.SPACE);
    }

    private boolean lexQuote(char quote, TokenType type, String unterminated) {
        while (true) {
            if (pos >= input.length()) {
                return error(unterminated);
            }
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (pos >= input.length() || input.charAt(pos) == '\n') {
                    return error(unterminated);
                }
                pos++;
            } else if (c == '\n') {
                return error(unterminated);
            } else if (c == quote) {
                return emit(type);
            }
        }
    }

    private boolean lexRawQuote() {
        int end = input.indexOf('`', pos);
        if (end < 0) {
            return error("unterminated raw quoted string");
        }
        pos = end + 1;
        return emit(TokenType.RAW_STRING);
    }

    private boolean lexFieldOrVariable(TokenType type) {
        if (atTerminator()) {
            return emit(type == TokenType.VARIABLE ? TokenType.VARIABLE : TokenType.DOT);
        }
        while (pos < input.length() && LexChars.isAlphaNumeric(input.charAt(pos))) {
            pos++;
        }
        return atTerminator() ? emit(type) : badCharacter();
    }

    private boolean lexIdentifier() {
        while (pos < input.length() && LexChars.isAlphaNumeric(input.charAt(pos))) {
            pos++;
        }
        if (!atTerminator()) {
            return badCharacter();
        }
        String word = input.substring(start, pos);
        TokenType keyword = TokenType.keyword(word);
        if (keyword != null) {
            return emit(keyword);
        }
        return emit(word.equals("true") || word.equals("false") ? TokenType.BOOL : TokenType.IDENTIFIER);
    }

    private boolean lexNumber() {
        if (!scanNumber()) {
            return error("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
        }
        if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return error("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
            }
            return emit(TokenType.COMPLEX);
        }
        return emit(TokenType.NUMBER);
    }

    private boolean scanNumber() {
        int end = NumberScanner.scan(input, pos);
        pos = end < 0 ? -end - 1 : end;
        return end >= 0;
    }

    private boolean badCharacter() {
        int cp = pos < input.length() ? input.codePointAt(pos) : -1;
        if (cp >= 0) {
            pos += Character.charCount(cp);
        }
        return error(cp < 0 ? "bad character U+FFFFFFFF" : String.format("bad character U+%04X%s", cp, LexChars.quoteRune(cp)));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private boolean atTerminator() {
        if (pos >= input.length()) {
            return true;
        }
        char r = input.charAt(pos);
        return LexChars.isSpace(r) || ".,|:()".indexOf(r) >= 0 || input.startsWith(RIGHT, pos);
    }

    /** -1 if no right delimiter at p; 0 for a plain one; 2 for one with a trim marker. */
    private int rightDelimAt(int p) {
        if (hasRightTrimMarker(p) && input.startsWith(RIGHT, p + TRIM_MARKER_LEN)) {
            return TRIM_MARKER_LEN;
        }
        return input.startsWith(RIGHT, p) ? 0 : -1;
    }

    private boolean hasLeftTrimMarker(int p) {
        return p + 1 < input.length() && input.charAt(p) == '-' && LexChars.isSpace(input.charAt(p + 1));
    }

    private boolean hasRightTrimMarker(int p) {
        return p >= 0 && p + 1 < input.length() && LexChars.isSpace(input.charAt(p)) && input.charAt(p + 1) == '-';
    }

    private int rightTrimLength(int from, int to) {
        int end = to;
        while (end > from && LexChars.isSpace(input.charAt(end - 1))) {
            end--;
        }
        return to - end;
    }

    private int leftTrimLength(int from) {
        int end = from;
        while (end < input.length() && LexChars.isSpace(input.charAt(end))) {
            end++;
        }
        return end - from;
    }

    private boolean emit(TokenType type) {
        tokens.add(new Token(type, input.substring(start, pos), start, lineAt(start)));
        start = pos;
        return type != TokenType.EOF;
    }

    private void ignore() {
        start = pos;
    }

    /** 1 + newlines before {@code offset}; tokens come in order, so counting continues from the last call. */
    private int lineAt(int offset) {
        if (offset < countedUpTo) {
            countedUpTo = 0;
            countedLines = 1;
        }
        for (int i = countedUpTo; i < offset; i++) {
            if (input.charAt(i) == '\n') {
                countedLines++;
            }
        }
        countedUpTo = offset;
        return countedLines;
    }

    private boolean error(String message) {
        tokens.add(new Token(TokenType.ERROR, message, start, lineAt(start)));
        return false;
    }
}
