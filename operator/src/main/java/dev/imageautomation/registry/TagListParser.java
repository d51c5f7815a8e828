package dev.imageautomation.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * Reads the {@code tags} array of a {@code tags/list} page with a streaming parser: registries that ignore
 * {@code n} answer with every tag in one page, and no tree needs to be built for that.
 */
final class TagListParser {

    private static final JsonFactory JSON = new JsonFactory();

    private TagListParser() {
    }

    /** Appends the page's tags to {@code into}; a {@code null} or missing {@code tags} is an empty page. */
    static void appendTags(byte[] page, List<String> into) throws IOException {
        try (JsonParser parser = JSON.createParser(page)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("tags/list answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("tags".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        into.add(parser.getText());
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
    }
}
