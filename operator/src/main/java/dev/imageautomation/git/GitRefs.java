package dev.imageautomation.git;

/** Reference name prefixes and the private refs this package keeps in its cached clones. */
final class GitRefs {
    static final String HEADS = "refs/heads/";
    static final String TAGS = "refs/tags/";
    /** Where the fetched checkout target lands; private so it never collides with the user's refs. */
    static final String CHECKOUT = "refs/automation/checkout";
    /** Where the fetched remote push branch lands when it differs from the checkout branch. */
    static final String PUSH_BASE = "refs/automation/push-base";

    private GitRefs() {
    }

    /** Flux's short ref: {@code refs/heads/} and {@code refs/tags/} removed, other refs kept whole. */
    static String shortName(String ref) {
        if (ref.startsWith(HEADS)) {
            return ref.substring(HEADS.length());
        }
        if (ref.startsWith(TAGS)) {
            return ref.substring(TAGS.length());
        }
        return ref;
    }
}
