package dev.imageautomation.git;

import java.util.Optional;

/**
 * What to check out, as in Flux's {@code GitRepositoryRef}: exactly the fields the user set, checked in Flux's
 * order {@code commit > name > tag > semver > branch}. Empty strings count as unset.
 *
 * @param branch branch name such as {@code main}
 * @param tag tag name such as {@code v1.2.0}
 * @param semver semver range; the highest remote tag satisfying it is checked out
 * @param name full reference such as {@code refs/heads/main} or {@code refs/pull/1/head}
 * @param commit full commit SHA; combined with {@code branch} when both are set
 */
public record CheckoutRef(String branch, String tag, String semver, String name, String commit) {

    /** Flux clones {@code master} when neither the automation nor the GitRepository names a ref. */
    public static final String DEFAULT_BRANCH = "master";

    public CheckoutRef {
        branch = blankToNull(branch);
        tag = blankToNull(tag);
        semver = blankToNull(semver);
        name = blankToNull(name);
        commit = blankToNull(commit);
    }

    public static CheckoutRef ofBranch(String branch) {
        return new CheckoutRef(branch, null, null, null, null);
    }

    public static CheckoutRef ofTag(String tag) {
        return new CheckoutRef(null, tag, null, null, null);
    }

    public static CheckoutRef ofSemver(String range) {
        return new CheckoutRef(null, null, range, null, null);
    }

    public static CheckoutRef ofName(String name) {
        return new CheckoutRef(null, null, null, name, null);
    }

    public static CheckoutRef ofCommit(String commit) {
        return new CheckoutRef(null, null, null, null, commit);
    }

    /** The automation's {@code git.checkout.ref} replaces the GitRepository's ref as a whole; they are never merged. */
    public static CheckoutRef resolve(CheckoutRef automationRef, CheckoutRef repositoryRef) {
        if (automationRef != null && !automationRef.isEmpty()) {
            return automationRef;
        }
        if (repositoryRef != null && !repositoryRef.isEmpty()) {
            return repositoryRef;
        }
        return ofBranch(DEFAULT_BRANCH);
    }

    public boolean isEmpty() {
        return branch == null && tag == null && semver == null && name == null && commit == null;
    }

    /** Which field decides the checkout, in Flux's precedence. */
    public Kind kind() {
        if (commit != null) {
            return Kind.COMMIT;
        }
        if (name != null) {
            return Kind.NAME;
        }
        if (tag != null) {
            return Kind.TAG;
        }
        if (semver != null) {
            return Kind.SEMVER;
        }
        return Kind.BRANCH;
    }

    /** The branch this ref names, which is where pushes go when {@code git.push.branch} is unset. */
    public Optional<String> pushableBranch() {
        if (kind() == Kind.BRANCH) {
            return Optional.ofNullable(branch);
        }
        if (kind() == Kind.NAME && name.startsWith(GitRefs.HEADS)) {
            return Optional.of(name.substring(GitRefs.HEADS.length()));
        }
        return Optional.empty();
    }

    /** A stable description used to key the clone cache: one cache per (URL, ref). */
    String cacheKey() {
        return switch (kind()) {
            case COMMIT -> "commit:" + (branch == null ? "" : branch) + ":" + commit;
            case NAME -> "name:" + name;
            case TAG -> "tag:" + tag;
            case SEMVER -> "semver:" + semver;
            case BRANCH -> "branch:" + (branch == null ? DEFAULT_BRANCH : branch);
        };
    }

    /** Shallow fetches are possible for everything but a commit, which may be anywhere in history. */
    boolean allowsShallow() {
        return kind() != Kind.COMMIT;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The field that decides a checkout. */
    public enum Kind { BRANCH, TAG, SEMVER, NAME, COMMIT }
}
