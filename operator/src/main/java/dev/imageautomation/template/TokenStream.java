package dev.imageautomation.template;

import java.util.List;

/**
 * Cursor over the lexed tokens with Go's peek/backup vocabulary. {@link #current()} is the furthest token
 * read so far, which is what Go's parser reports the line of.
 */
final class TokenStream {
    private final List<Token> tokens;
    private int index;
    private int furthest;
    /** Line of the action being parsed (0 outside actions); Go uses it to phrase lexer errors. */
    int actionLine;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token next() {
        Token token = tokens.get(Math.min(index, tokens.size() - 1));
        furthest = Math.max(furthest, Math.min(index, tokens.size() - 1));
        index++;
        return token;
    }

    Token peek() {
        Token token = next();
        index--;
        return token;
    }

    void backup() {
        index--;
    }

    Token nextNonSpace() {
        Token token = next();
        while (token.type() == TokenType.SPACE) {
            token = next();
        }
        return token;
    }

    Token peekNonSpace() {
        Token token = nextNonSpace();
        backup();
        return token;
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    Token current() {
        return tokens.get(furthest);
    }
}
