package dev.imageautomation.registry;

import java.util.Comparator;

/**
 * The order Flux stores and reports tags in: descending byte order of the UTF-8 encoding (Go's
 * {@code -strings.Compare}), so {@code v…} and {@code latest} come before digits and {@code 9} before
 * {@code 10}. Code-point order equals UTF-8 byte order; Java's {@code String.compareTo} (UTF-16 units) does not.
 */
public final class TagOrder {

    /** Ascending UTF-8 byte order. */
    public static final Comparator<String> BYTEWISE = TagOrder::compareCodePoints;

    /** Flux's store order: descending UTF-8 byte order. */
    public static final Comparator<String> STORE_ORDER = BYTEWISE.reversed();

    private TagOrder() {
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
