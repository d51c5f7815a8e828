package dev.imageautomation.git;

import java.util.Locale;

/**
 * A checked-out or pushed commit in Flux's revision format: {@code <short ref>@sha1:<hex>}, or {@code sha1:<hex>}
 * for a commit without a ref. This is what {@code status.observedSourceRevision} holds.
 *
 * @param shortRef branch or tag name (or a full ref outside heads/tags); null for a bare commit
 * @param sha full lower-case hex SHA-1 of the commit
 */
public record Revision(String shortRef, String sha) {

    public Revision {
        if (sha == null || !sha.matches("[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("a revision needs a 40 character hex commit id");
        }
        sha = sha.toLowerCase(Locale.ROOT);
        shortRef = shortRef == null || shortRef.isEmpty() ? null : shortRef;
    }

    @Override
    public String toString() {
        return shortRef == null ? "sha1:" + sha : shortRef + "@sha1:" + sha;
    }

    /**
     * Whether a previously recorded revision string names this same ref and commit. Understands Flux's current
     * format and the older {@code main/<sha>} form that Flux still compares against.
     */
    public boolean matches(String observed) {
        if (observed == null || observed.isBlank()) {
            return false;
        }
        String value = observed.trim();
        if (value.equals(toString())) {
            return true;
        }
        return shortRef != null && value.equalsIgnoreCase(shortRef + "/" + sha);
    }
}
