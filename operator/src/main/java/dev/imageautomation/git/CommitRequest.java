package dev.imageautomation.git;

import java.util.Optional;

/**
 * Who commits and how the commit is signed. The committer is the author, as in Flux. The message is not here:
 * it comes from the {@link TreeUpdate}, because it describes what that update changed on the head it was
 * applied to, which can differ between push attempts.
 *
 * @param authorName {@code git.commit.author.name}
 * @param authorEmail {@code git.commit.author.email}
 * @param signingKey {@code git.commit.signingKey}, or null for unsigned commits
 */
public record CommitRequest(String authorName, String authorEmail, SigningKey signingKey) {

    public CommitRequest {
        if (authorEmail == null || authorEmail.isBlank()) {
            throw new IllegalArgumentException("the commit author's email is required");
        }
        authorName = authorName == null ? "" : authorName;
    }

    public CommitRequest(String authorName, String authorEmail) {
        this(authorName, authorEmail, null);
    }

    public Optional<SigningKey> signing() {
        return Optional.ofNullable(signingKey);
    }
}
