package dev.imageautomation.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235): a scheme ({@code Bearer}, {@code Basic}) and its
 * parameters ({@code realm}, {@code service}, {@code scope}). Scheme and parameter names are case-insensitive;
 * quoted values may contain commas ({@code scope="repository:app:pull,push"}).
 *
 * @param scheme the scheme in lower case
 * @param parameters parameter names in lower case, values unquoted
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {

    public AuthChallenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        parameters = Map.copyOf(parameters);
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Parses a header value; returns the challenges in order, empty when the value is blank. */
    public static List<AuthChallenge> parse(String header) {
        List<AuthChallenge> result = new ArrayList<>();
        Cursor cursor = new Cursor(header == null ? "" : header);
        while (cursor.skipSpacesAndCommas()) {
            String scheme = cursor.token();
            if (scheme.isEmpty()) {
                break;
            }
            Map<String, String> params = new LinkedHashMap<>();
            while (cursor.atParameter()) {
                String name = cursor.token().toLowerCase(Locale.ROOT);
                cursor.expect('=');
                params.put(name, cursor.value());
                cursor.skipSpaces();
                if (!cursor.consume(',')) {
                    break;
                }
            }
            result.add(new AuthChallenge(scheme, params));
        }
        return result;
    }

    /** A tiny hand-written tokenizer: the JDK has no public parser for authentication challenges. */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        boolean skipSpacesAndCommas() {
            while (pos < text.length() && (text.charAt(pos) == ',' || Character.isWhitespace(text.charAt(pos)))) {
                pos++;
            }
            return pos < text.length();
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        /** After a scheme or a comma: is the next thing {@code name=} (a parameter) rather than a new scheme? */
        boolean atParameter() {
            skipSpaces();
            int save = pos;
            String name = token();
            skipSpaces();
            boolean parameter = !name.isEmpty() && pos < text.length() && text.charAt(pos) == '=';
            pos = save;
            return parameter;
        }

        String token() {
            int start = pos;
            while (pos < text.length() && isTokenChar(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        void expect(char c) {
            skipSpaces();
            consume(c);
            skipSpaces();
        }

        boolean consume(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        String value() {
            if (!consume('"')) {
                return token();
            }
            StringBuilder value = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                value.append(c);
            }
            consume('"');
            return value.toString();
        }

        private static boolean isTokenChar(char c) {
            return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0 || c == '/' || c == ':';
        }
    }
}
