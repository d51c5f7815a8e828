package dev.imageautomation.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Pushes the automation branch and the optional refspec, with the user's push options, and tells a rejection
 * that a fresh head can fix (someone else pushed first) from one it cannot (protected branch, hook, permissions).
 */
final class Pusher {

    /**
     * Server messages that mean "the ref moved under you" rather than "you may not do this". git's receive-pack
     * answers "failed to update ref" when another push took the ref lock first or moved the ref meanwhile; a
     * retry of that is harmless even when the cause was something else, since retries are bounded.
     */
    private static final Pattern RACE_MESSAGE = Pattern.compile(
            "fetch first|non-fast-forward|stale info|cannot lock ref|failed to lock|but expected|failed to update ref");

    private final Git git;
    private final GitUrl url;
    private final TransportSetup transport;

    Pusher(Git git, GitUrl url, TransportSetup transport) {
        this.git = git;
        this.url = url;
        this.transport = transport;
    }

    /**
     * Pushes {@code refs/heads/<branch>} without force.
     *
     * @return true when the remote took it; false when it was rejected because the branch moved
     * @throws PushRejectedException for any other rejection
     */
    boolean pushBranch(String branch, PushRequest request) {
        String ref = GitRefs.HEADS + branch;
        List<RemoteRefUpdate> updates = push(new RefSpec(ref + ":" + ref), request);
        for (RemoteRefUpdate update : updates) {
            switch (update.getStatus()) {
                case OK, UP_TO_DATE -> { }
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                    return false;
                }
                case REJECTED_OTHER_REASON -> {
                    if (isRace(update.getMessage())) {
                        return false;
                    }
                    throw rejected(branch, update);
                }
                default -> throw rejected(branch, update);
            }
        }
        return true;
    }

    /** Pushes the user's refspec after the branch; its own {@code +} decides force. */
    void pushRefspec(String refspec, PushRequest request) {
        RefSpec spec;
        try {
            spec = new RefSpec(refspec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the push refspec '" + refspec + "' is not valid");
        }
        for (RemoteRefUpdate update : push(spec, request)) {
            switch (update.getStatus()) {
                case OK, UP_TO_DATE -> { }
                default -> throw rejected(refspec, update);
            }
        }
    }

    private List<RemoteRefUpdate> push(RefSpec spec, PushRequest request) {
        List<String> options = request.pushOptions();
        PushCommand command = transport.applyTo(git.push())
                .setRemote(url.forTransport())
                .setRefSpecs(spec)
                .setForce(false)
                .setPushOptions(options.isEmpty() ? null : options);
        try {
            List<RemoteRefUpdate> updates = new ArrayList<>();
            for (PushResult result : command.call()) {
                updates.addAll(result.getRemoteUpdates());
            }
            return updates;
        } catch (GitAPIException | RuntimeException e) {
            throw GitException.of("pushing " + spec + " to " + url + " failed", e, transport.credentials());
        }
    }

    private static boolean isRace(String message) {
        return message != null && RACE_MESSAGE.matcher(message.toLowerCase(Locale.ROOT)).find();
    }

    private PushRejectedException rejected(String target, RemoteRefUpdate update) {
        String reason = update.getMessage() == null ? update.getStatus().name()
                : update.getStatus().name() + ": " + update.getMessage();
        return new PushRejectedException("pushing '" + target + "' to " + url + " was rejected ("
                + transport.credentials().redact(reason) + ")");
    }
}
