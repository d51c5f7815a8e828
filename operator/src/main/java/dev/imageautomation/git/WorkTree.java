package dev.imageautomation.git;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.RmCommand;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.submodule.SubmoduleWalk;

/** Local work-tree operations on a cached clone: put a branch on a commit with a pristine tree, stage, commit. */
final class WorkTree {

    private final Git git;

    WorkTree(Git git) {
        this.git = git;
    }

    Path directory() {
        return git.getRepository().getWorkTree().toPath();
    }

    /**
     * Makes {@code branch} point at {@code commit}, checks it out and removes every local change and untracked
     * file, so each run (and each retry) starts from exactly the remote state.
     */
    void resetBranch(String branch, ObjectId commit) throws IOException, GitAPIException {
        Repository repository = git.getRepository();
        if (!isPristineAt(commit)) {
            RefUpdate detach = repository.updateRef(Constants.HEAD, true);
            detach.setNewObjectId(commit);
            requireUpdated(detach.forceUpdate(), Constants.HEAD);
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.name()).call();
            git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
        }
        RefUpdate branchUpdate = repository.updateRef(GitRefs.HEADS + branch);
        branchUpdate.setNewObjectId(commit);
        requireUpdated(branchUpdate.forceUpdate(), branch);
        RefUpdate head = repository.updateRef(Constants.HEAD);
        requireUpdated(head.link(GitRefs.HEADS + branch), Constants.HEAD);
    }

    /**
     * Stages every change, including new and deleted files, as Flux does; false when nothing is staged. One status
     * walk finds the changed paths, so only those are added or removed (a whole-tree add costs seconds on large
     * repositories).
     */
    boolean stageAll() throws GitAPIException {
        Status status = git.status().call();
        Set<String> changed = new TreeSet<>(status.getModified());
        changed.addAll(status.getUntracked());
        Set<String> deleted = status.getMissing();
        if (!changed.isEmpty()) {
            AddCommand add = git.add();
            changed.forEach(add::addFilepattern);
            add.call();
        }
        if (!deleted.isEmpty()) {
            RmCommand remove = git.rm().setCached(true);
            deleted.forEach(remove::addFilepattern);
            remove.call();
        }
        return !(changed.isEmpty() && deleted.isEmpty() && status.getAdded().isEmpty()
                && status.getChanged().isEmpty() && status.getRemoved().isEmpty());
    }

    /** HEAD is at {@code commit} and there is nothing to reset or clean: the common case for a reused cache. */
    private boolean isPristineAt(ObjectId commit) throws IOException, GitAPIException {
        ObjectId head = git.getRepository().resolve(Constants.HEAD);
        return commit.equals(head) && git.status().setIgnoreSubmodules(SubmoduleWalk.IgnoreSubmoduleMode.ALL)
                .call().isClean();
    }

    RevCommit commit(String message, CommitRequest request, Signer signer, Instant when) throws GitAPIException {
        PersonIdent author = new PersonIdent(request.authorName(), request.authorEmail(), when, ZoneOffset.UTC);
        var command = git.commit()
                .setMessage(message)
                .setAuthor(author)
                .setCommitter(author)
                .setNoVerify(true)
                .setSign(signer != null);
        if (signer != null) {
            command.setSigner(signer).setGpgConfig(gpgConfig(request.signingKey())).setSigningKey("in-memory");
        }
        return command.call();
    }

    private static GpgConfig gpgConfig(SigningKey key) {
        Config config = new Config();
        config.setString("gpg", null, "format", key instanceof SigningKey.Ssh ? "ssh" : "openpgp");
        return new GpgConfig(config);
    }

    private static void requireUpdated(RefUpdate.Result result, String ref) throws IOException {
        switch (result) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> { }
            default -> throw new IOException("could not update " + ref + ": " + result);
        }
    }
}
