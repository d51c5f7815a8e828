package dev.imageautomation.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The change an automation makes to the work tree, given as a callback so that it can be applied again on a
 * newer head when a push is rejected. Implementations must be repeatable: each call sees a freshly reset tree.
 */
@FunctionalInterface
public interface TreeUpdate {

    /**
     * Rewrites files under {@code workTree}.
     *
     * @return the commit message describing what changed, or empty when nothing changed
     */
    Optional<String> apply(Path workTree) throws IOException;
}
