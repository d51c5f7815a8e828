package dev.imageautomation.git;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.PackInvalidException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Talks to the remote for one cached clone: lists refs and fetches exactly the ref a checkout needs into a private
 * ref, shallow where the ref allows. Remote failures (network, authentication, missing refs) become a
 * {@link GitException}; failures caused by a damaged local repository are left as they are so that the caller
 * can discard the cache.
 */
final class RemoteOperations {

    private final Git git;
    private final GitUrl url;
    private final TransportSetup transport;

    RemoteOperations(Git git, GitUrl url, TransportSetup transport) {
        this.git = git;
        this.url = url;
        this.transport = transport;
    }

    /** Fetches what {@code ref} names and returns the commit it points at, with its revision string. */
    Checkout fetchCheckout(CheckoutRef ref) throws IOException {
        return switch (ref.kind()) {
            case BRANCH -> fetchNamed(GitRefs.HEADS + ref.branch(), ref.branch(), true);
            case TAG -> fetchNamed(GitRefs.TAGS + ref.tag(), ref.tag(), true);
            case NAME -> fetchNamed(ref.name(), GitRefs.shortName(ref.name()), true);
            case SEMVER -> {
                String tag = SemverTags.highest(listRemote(false, true), ref.semver()).orElseThrow(() ->
                        new GitException("no tag in " + url + " satisfies the semver range '" + ref.semver() + "'"));
                yield fetchNamed(GitRefs.TAGS + tag, tag, true);
            }
            case COMMIT -> fetchCommit(ref);
        };
    }

    /** Fetches a remote branch if it exists (for a push branch that differs from the checkout branch). */
    Optional<ObjectId> fetchBranchIfPresent(String branch) throws IOException {
        String remoteRef = GitRefs.HEADS + branch;
        boolean present = listRemote(true, false).stream().anyMatch(r -> r.getName().equals(remoteRef));
        if (!present) {
            return Optional.empty();
        }
        fetch(remoteRef, GitRefs.PUSH_BASE, true);
        return Optional.of(commitAt(GitRefs.PUSH_BASE));
    }

    Collection<Ref> listRemote(boolean heads, boolean tags) {
        LsRemoteCommand command = transport.applyTo(Git.lsRemoteRepository())
                .setRemote(url.forTransport()).setHeads(heads).setTags(tags);
        try {
            return command.call();
        } catch (GitAPIException | RuntimeException e) {
            throw GitException.of("listing the refs of " + url + " failed", e, transport.credentials());
        }
    }

    private Checkout fetchNamed(String remoteRef, String shortRef, boolean shallow) throws IOException {
        fetch(remoteRef, GitRefs.CHECKOUT, shallow);
        return new Checkout(commitAt(GitRefs.CHECKOUT), shortRef);
    }

    private Checkout fetchCommit(CheckoutRef ref) throws IOException {
        if (ref.branch() != null) {
            fetch(GitRefs.HEADS + ref.branch(), GitRefs.CHECKOUT, false);
        } else {
            fetch(GitRefs.HEADS + "*", "refs/automation/heads/*", false);
        }
        ObjectId commit = ObjectId.fromString(ref.commit());
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            walk.parseCommit(commit);
        } catch (MissingObjectException e) {
            throw new GitException("commit " + ref.commit() + " was not found in " + url);
        }
        return new Checkout(commit, ref.branch());
    }

    private void fetch(String remoteRef, String localRef, boolean shallow) throws IOException {
        var command = transport.applyTo(git.fetch())
                .setRemote(url.forTransport())
                .setRefSpecs(new RefSpec("+" + remoteRef + ":" + localRef))
                .setTagOpt(TagOpt.NO_TAGS)
                .setRemoveDeletedRefs(false);
        if (shallow) {
            command.setDepth(1);
        }
        try {
            command.call();
        } catch (GitAPIException | RuntimeException e) {
            if (causedByLocalDamage(e)) {
                throw new IOException("the cached clone is damaged", e);
            }
            throw GitException.of("fetching " + GitRefs.shortName(remoteRef) + " from " + url + " failed", e,
                    transport.credentials());
        }
    }

    private ObjectId commitAt(String localRef) throws IOException {
        Ref ref = git.getRepository().exactRef(localRef);
        if (ref == null) {
            throw new IOException("fetched ref " + localRef + " is missing");
        }
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit commit = walk.parseCommit(ref.getObjectId());
            return commit.getId();
        }
    }

    private static boolean causedByLocalDamage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MissingObjectException || t instanceof CorruptObjectException
                    || t instanceof PackInvalidException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A fetched checkout target.
     *
     * @param commit the commit checked out
     * @param shortRef branch/tag/ref short name for the revision string, or null for a bare commit
     */
    record Checkout(ObjectId commit, String shortRef) {
        Revision revision() {
            return new Revision(shortRef, commit.name());
        }
    }
}
