package dev.imageautomation.git;

import java.util.Optional;

/**
 * The outcome of {@link GitWorkspace#commitAndPush}.
 *
 * @param pushed whether a commit was pushed; false when the update changed nothing
 * @param commitSha the pushed commit, or null when nothing was pushed
 * @param branch the branch pushed to (or that would have been pushed to)
 * @param refspec the extra refspec pushed, or null
 * @param message the commit message of the pushed commit, or null
 * @param revision the revision to record as {@code observedSourceRevision}
 * @param attempts how many push attempts were made (more than one after rejections)
 */
public record PushResult(boolean pushed, String commitSha, String branch, String refspec, String message,
        Revision revision, int attempts) {

    static PushResult nothingToPush(String branch, Revision revision, int attempts) {
        return new PushResult(false, null, branch, null, null, revision, attempts);
    }

    public Optional<String> commit() {
        return Optional.ofNullable(commitSha);
    }
}
