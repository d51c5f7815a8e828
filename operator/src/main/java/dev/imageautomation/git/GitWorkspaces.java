package dev.imageautomation.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.StoredConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link GitWorkspace}s on clones cached under a storage directory, one per (repository URL, checkout ref),
 * so later runs fetch only what changed instead of cloning again. A cache that cannot be opened, fetched into or
 * reset is discarded and cloned again; a remote failure (network, authentication) leaves it in place.
 * Also answers Flux's "has the remote moved?" question with an ls-remote.
 */
public final class GitWorkspaces {

    private static final Logger LOG = LoggerFactory.getLogger(GitWorkspaces.class);

    private final Path storage;
    private final PushRetry retry;
    private final Clock clock;

    public GitWorkspaces(Path storage, PushRetry retry, Clock clock) {
        this.storage = storage.toAbsolutePath();
        this.retry = retry;
        this.clock = clock;
    }

    public GitWorkspaces(Path storage) {
        this(storage, PushRetry.DEFAULT, Clock.systemUTC());
    }

    /**
     * Checks out {@code source} in its cached clone and returns a workspace holding that cache until closed.
     * Automations on the same cached clone wait for each other here.
     *
     * @throws IllegalArgumentException when the URL or the credentials are unusable (fix the spec or Secret)
     * @throws GitException when a git operation fails (worth retrying)
     */
    public GitWorkspace open(GitSource source, GitCredentials credentials) {
        GitUrl url = source.gitUrl();
        Path cache = cacheDirectory(url, source.ref());
        KeyedLocks.Held cacheLock = KeyedLocks.CACHES.lock(cache.toString());
        Path privateDirectory = null;
        TransportSetup transport = null;
        try {
            privateDirectory = createPrivateDirectory();
            transport = new TransportSetup(url, credentials, privateDirectory, source.timeout());
            OpenedClone clone = openWithRecovery(cache, url, source.ref(), transport);
            return new GitWorkspace(clone.git(), clone.checkout(), source, transport, privateDirectory, cacheLock,
                    retry, clock);
        } catch (RuntimeException e) {
            if (transport != null) {
                transport.close();
            }
            PrivateDirectories.delete(privateDirectory);
            cacheLock.close();
            throw e;
        }
    }

    /**
     * The remote's current revision of a branch, tag or named-ref checkout, by ls-remote (no clone). Empty for
     * commit and semver checkouts and for refs the remote does not have.
     */
    public Optional<Revision> remoteRevision(GitSource source, GitCredentials credentials) {
        CheckoutRef ref = source.ref();
        String wanted = switch (ref.kind()) {
            case BRANCH -> GitRefs.HEADS + ref.branch();
            case TAG -> GitRefs.TAGS + ref.tag();
            case NAME -> ref.name();
            case SEMVER, COMMIT -> null;
        };
        if (wanted == null) {
            return Optional.empty();
        }
        Path privateDirectory = createPrivateDirectory();
        try (TransportSetup transport = new TransportSetup(source.gitUrl(), credentials, privateDirectory,
                source.timeout())) {
            return new RemoteOperations(null, source.gitUrl(), transport).listRemote(true, true).stream()
                    .filter(remote -> remote.getName().equals(wanted))
                    .findFirst()
                    .map(remote -> new Revision(GitRefs.shortName(wanted), peeled(remote).name()));
        } finally {
            PrivateDirectories.delete(privateDirectory);
        }
    }

    /**
     * Flux's short-circuit: true when nothing can have changed since {@code observedRevision} was recorded, so
     * the run can end without cloning. The caller checks that the selected policies are unchanged; this checks the
     * rest (no branch switch, no refspec, a recorded revision, and the remote head still at it).
     */
    public boolean unchangedSince(String observedRevision, GitSource source, PushRequest push,
            GitCredentials credentials) {
        if (observedRevision == null || observedRevision.isBlank() || push.refspecToPush().isPresent()) {
            return false;
        }
        boolean switches = push.branch() != null && source.switchesBranch(push.branch());
        if (switches) {
            return false;
        }
        return remoteRevision(source, credentials).map(remote -> remote.matches(observedRevision)).orElse(false);
    }

    private OpenedClone openWithRecovery(Path cache, GitUrl url, CheckoutRef ref, TransportSetup transport) {
        boolean existed = Files.isDirectory(cache);
        try {
            return openAndCheckout(cache, url, ref, transport);
        } catch (GitException | IllegalArgumentException e) {
            throw e;
        } catch (IOException | GitAPIException | RuntimeException e) {
            if (!existed) {
                throw GitException.of("checking out " + url + " failed", e, transport.credentials());
            }
            LOG.warn("cached clone {} of {} is unusable ({}); discarding it and cloning again",
                    cache.getFileName(), url, e.getClass().getSimpleName());
            PrivateDirectories.delete(cache);
            try {
                return openAndCheckout(cache, url, ref, transport);
            } catch (IOException | GitAPIException | RuntimeException again) {
                if (again instanceof GitException || again instanceof IllegalArgumentException) {
                    throw (RuntimeException) again;
                }
                throw GitException.of("checking out " + url + " failed", again, transport.credentials());
            }
        }
    }

    private static OpenedClone openAndCheckout(Path cache, GitUrl url, CheckoutRef ref, TransportSetup transport)
            throws IOException, GitAPIException {
        Git git = Files.isDirectory(cache.resolve(".git")) ? Git.open(cache.toFile()) : initialise(cache);
        try {
            RemoteOperations remote = new RemoteOperations(git, url, transport);
            RemoteOperations.Checkout checkout = remote.fetchCheckout(ref);
            String branch = ref.pushableBranch().orElse(GitWorkspace.DETACHED_BRANCH);
            new WorkTree(git).resetBranch(branch, checkout.commit());
            return new OpenedClone(git, checkout);
        } catch (IOException | GitAPIException | RuntimeException e) {
            git.close();
            throw e;
        }
    }

    private static Git initialise(Path cache) throws IOException, GitAPIException {
        PrivateDirectories.delete(cache);
        Files.createDirectories(cache);
        Git git = Git.init().setDirectory(cache.toFile()).setInitialBranch(GitWorkspace.DETACHED_BRANCH).call();
        StoredConfig config = git.getRepository().getConfig();
        // hooks from a global core.hooksPath must not run inside the operator; gc must not run detached
        config.setString("core", null, "hooksPath", cache.resolve(".git").resolve("no-hooks").toString());
        config.setBoolean("core", null, "autocrlf", false);
        config.setBoolean("gc", null, "autoDetach", false);
        config.setBoolean("commit", null, "gpgSign", false);
        config.save();
        return git;
    }

    private Path cacheDirectory(GitUrl url, CheckoutRef ref) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((url.withoutUserInfo() + "\n" + ref.cacheKey()).getBytes(StandardCharsets.UTF_8));
            return storage.resolve("repositories").resolve(HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path createPrivateDirectory() {
        try {
            Path parent = Files.createDirectories(storage.resolve("tmp"));
            return Files.createTempDirectory(parent, "ws",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private directory under " + storage, e);
        }
    }

    private record OpenedClone(Git git, RemoteOperations.Checkout checkout) {
    }

    private static org.eclipse.jgit.lib.ObjectId peeled(Ref ref) {
        return ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
    }
}
