package dev.imageautomation.git;

import java.time.Duration;

/**
 * The repository to work on, from the GitRepository and the automation's checkout ref.
 *
 * @param url the GitRepository's {@code spec.url}
 * @param ref the resolved checkout ref (see {@link CheckoutRef#resolve})
 * @param timeout the GitRepository's {@code spec.timeout}, applied to each network operation
 */
public record GitSource(String url, CheckoutRef ref, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

    public GitSource {
        GitUrl.parse(url);
        ref = ref == null ? CheckoutRef.ofBranch(CheckoutRef.DEFAULT_BRANCH) : ref;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
    }

    public GitSource(String url, CheckoutRef ref) {
        this(url, ref, DEFAULT_TIMEOUT);
    }

    GitUrl gitUrl() {
        return GitUrl.parse(url);
    }

    /**
     * The branch pushes go to: {@code git.push.branch}, else the checkout branch.
     *
     * @throws IllegalArgumentException with Flux's message when neither names a branch
     */
    String pushBranch(PushRequest push) {
        if (push.branch() != null) {
            return push.branch();
        }
        return ref.pushableBranch().orElseThrow(() -> new IllegalArgumentException(
                "push spec not provided, and cannot be inferred from .spec.git.checkout.ref or GitRepository .spec.ref"));
    }

    /** Flux's switchBranch: the push branch is not the branch that was checked out. */
    boolean switchesBranch(String pushBranch) {
        return !ref.pushableBranch().map(pushBranch::equals).orElse(false);
    }
}
