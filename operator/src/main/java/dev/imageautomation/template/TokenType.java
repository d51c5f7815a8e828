package dev.imageautomation.template;

/** Lexeme kinds, mirroring Go's {@code itemType} (keywords last, as Go orders them). */
enum TokenType {
    ERROR, BOOL, CHAR, CHAR_CONSTANT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM,
    LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
    // keywords
    BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

    boolean isKeyword() {
        return ordinal() >= BLOCK.ordinal();
    }

    static TokenType keyword(String word) {
        return switch (word) {
            case "block" -> BLOCK;
            case "break" -> BREAK;
            case "continue" -> CONTINUE;
            case "define" -> DEFINE;
            case "else" -> ELSE;
            case "end" -> END;
            case "if" -> IF;
            case "nil" -> NIL;
            case "range" -> RANGE;
            case "template" -> TEMPLATE;
            case "with" -> WITH;
            default -> null;
        };
    }
}
