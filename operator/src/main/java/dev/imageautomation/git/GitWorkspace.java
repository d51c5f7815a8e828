package dev.imageautomation.git;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checked-out cached clone, held exclusively until closed. {@link #commitAndPush} applies a
 * {@link TreeUpdate}, commits and pushes; when the push is rejected because the branch moved, it fetches the new
 * head, applies the same update again and pushes again (bounded, jittered). Pushes to one (repository, branch) are
 * serialised within the process. The checkout branch is never force-pushed; nothing here force-pushes at all,
 * except a user refspec that asks for it with {@code +}. A workspace is used by one thread at a time.
 */
public final class GitWorkspace implements AutoCloseable {

    /** Local branch used for checkouts that name no branch (tags, commits, other refs). */
    static final String DETACHED_BRANCH = "automation-checkout";

    private static final Logger LOG = LoggerFactory.getLogger(GitWorkspace.class);

    private final Git git;
    private final GitSource source;
    private final GitUrl url;
    private final TransportSetup transport;
    private final Path privateDirectory;
    private final KeyedLocks.Held cacheLock;
    private final PushRetry retry;
    private final Clock clock;
    private final WorkTree workTree;
    private final RemoteOperations remote;
    private final Pusher pusher;
    private RemoteOperations.Checkout checkout;
    private boolean closed;

    GitWorkspace(Git git, RemoteOperations.Checkout checkout, GitSource source, TransportSetup transport,
            Path privateDirectory, KeyedLocks.Held cacheLock, PushRetry retry, Clock clock) {
        this.git = git;
        this.checkout = checkout;
        this.source = source;
        this.url = source.gitUrl();
        this.transport = transport;
        this.privateDirectory = privateDirectory;
        this.cacheLock = cacheLock;
        this.retry = retry;
        this.clock = clock;
        this.workTree = new WorkTree(git);
        this.remote = new RemoteOperations(git, url, transport);
        this.pusher = new Pusher(git, url, transport);
    }

    /** The root of the work tree; the update path is resolved under it. */
    public Path workTree() {
        return workTree.directory();
    }

    /** The checked-out revision in Flux's format, e.g. {@code main@sha1:<hex>}. */
    public Revision revision() {
        return checkout.revision();
    }

    /**
     * Applies {@code update} on the push branch, commits as {@code commit} describes and pushes as {@code push}
     * says. Returns without committing when the update changes nothing.
     *
     * @throws PushRejectedException when the server refuses the push for good or the retries run out
     * @throws GitException when another git operation fails
     * @throws IllegalArgumentException when no push branch can be determined or the signing key is unusable
     */
    public PushResult commitAndPush(TreeUpdate update, CommitRequest commit, PushRequest push) throws IOException {
        ensureOpen();
        String branch = source.pushBranch(push);
        boolean switching = source.switchesBranch(branch);
        Signer signer = commit.signing().map(this::signerFor).orElse(null);
        try (KeyedLocks.Held pushLock = KeyedLocks.PUSH_BRANCHES.lock(url.withoutUserInfo() + "#" + branch)) {
            for (int attempt = 1; ; attempt++) {
                moveToBase(branch, switching, attempt);
                Optional<String> message = update.apply(workTree());
                if (message.isEmpty() || !workTree.stageAll()) {
                    return PushResult.nothingToPush(branch, checkout.revision(), attempt);
                }
                RevCommit created = workTree.commit(message.get(), commit, signer, clock.instant());
                if (pusher.pushBranch(branch, push)) {
                    push.refspecToPush().ifPresent(refspec -> pusher.pushRefspec(refspec, push));
                    Revision revision = switching ? checkout.revision() : new Revision(branch, created.name());
                    return new PushResult(true, created.name(), branch, push.refspec(), message.get(), revision,
                            attempt);
                }
                giveUpOrWait(branch, attempt);
            }
        } catch (GitAPIException | JGitInternalException e) {
            throw GitException.of("committing to " + branch + " failed", e, transport.credentials());
        }
    }

    /** Puts the push branch on the commit the update must build on: the checkout, or the remote push branch. */
    private void moveToBase(String branch, boolean switching, int attempt) throws IOException, GitAPIException {
        if (!switching) {
            if (attempt > 1) {
                checkout = remote.fetchCheckout(source.ref());
            }
            if (attempt > 1 || !branch.equals(currentBranch())) {
                workTree.resetBranch(branch, checkout.commit());
            }
            return;
        }
        ObjectId base = remote.fetchBranchIfPresent(branch).orElse(checkout.commit());
        workTree.resetBranch(branch, base);
    }

    private void giveUpOrWait(String branch, int attempt) {
        if (attempt >= retry.maxAttempts()) {
            throw new PushRejectedException("pushing to branch '" + branch + "' of " + url + " was rejected "
                    + attempt + " times because the branch kept moving; giving up for this run");
        }
        LOG.info("push to branch {} of {} was rejected (attempt {}); fetching and re-applying the update",
                branch, url, attempt);
        retry.sleepAfter(attempt);
    }

    private String currentBranch() throws IOException {
        return git.getRepository().getBranch();
    }

    private Signer signerFor(SigningKey key) {
        if (key instanceof SigningKey.OpenPgp openPgp) {
            return new OpenPgpCommitSigner(openPgp);
        }
        return new SshCommitSigner((SigningKey.Ssh) key, privateDirectory);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the workspace is closed");
        }
    }

    /** Releases the clone for other automations; the clone itself stays cached on disk. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            git.close();
            transport.close();
            PrivateDirectories.delete(privateDirectory);
        } finally {
            cacheLock.close();
        }
    }
}
