package dev.imageautomation.template;

import java.nio.charset.StandardCharsets;

/** Line and column of an offset in template text, computed as Go's {@code Tree.ErrorContext} does. */
record SourceLocation(int line, int column) {

    static SourceLocation of(String text, int pos) {
        String before = text.substring(0, Math.min(pos, text.length()));
        int lastNewline = before.lastIndexOf('\n');
        String lineStart = before.substring(lastNewline + 1);
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        return new SourceLocation(line, lineStart.getBytes(StandardCharsets.UTF_8).length);
    }
}
