package dev.imageautomation.template;

/** Go's {@code template.HTMLEscapeString} and {@code JSEscapeString}. */
final class HtmlJsEscaper {
    private HtmlJsEscaper() {
    }

    static String html(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case 0 -> b.append('\uFFFD');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String js(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '<' -> b.append("\\u003C");
                case '>' -> b.append("\\u003E");
                case '&' -> b.append("\\u0026");
                case '=' -> b.append("\\u003D");
                default -> {
                    if (!GoQuote.isPrintable(cp)) {
                        b.append(String.format("\\u%04X", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
