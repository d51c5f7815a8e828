package dev.imageautomation.registry;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of RFC 8288 {@code Link} headers, resolved against the request URL. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?next\"?", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {
    }

    static Optional<URI> next(URI requestUri, List<String> headerValues) {
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                if (REL_NEXT.matcher(link.group(2)).find()) {
                    return Optional.of(requestUri.resolve(link.group(1).trim()));
                }
            }
        }
        return Optional.empty();
    }
}
