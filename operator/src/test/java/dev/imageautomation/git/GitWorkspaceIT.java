package dev.imageautomation.git;

import static dev.imageautomation.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.StartedGitServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clone, cache, checkout, commit and push against a real {@code git daemon}. */
class GitWorkspaceIT {

    @StartedGitServers
    private static GitServers servers;
    private static final CommitRequest BOT = new CommitRequest("fluxbot", "fluxbot@example.test");

    @TempDir
    Path storage;
    @TempDir
    Path scratch;


    @Test
    void shouldCloneShallowThenFetchIntoTheSameCacheOnTheNextRun() throws IOException {
        Path bare = servers.createRepository("cache-reuse", Map.of("deploy.yaml", "image: app:v1\n"));
        GitWorkspaces workspaces = new GitWorkspaces(storage);
        GitSource source = new GitSource(servers.daemonUrl("cache-reuse"), CheckoutRef.ofBranch("main"));
        Path marker;
        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            assertThat(workspace.revision().toString()).isEqualTo("main@sha1:" + head(bare, "main"));
            assertThat(workspace.workTree().resolve(".git/shallow")).exists();
            marker = Files.writeString(workspace.workTree().resolve(".git/cache-marker"), "kept");
        }
        String second = pushAsHuman(bare, "deploy.yaml", "image: app:v1\nreplicas: 2\n");

        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            assertThat(workspace.revision().sha()).isEqualTo(second);
            assertThat(workspace.workTree().resolve("deploy.yaml")).hasContent("image: app:v1\nreplicas: 2\n");
            assertThat(marker).as("the cached clone was reused, not cloned again").exists();
        }
    }

    @Test
    void shouldDiscardACorruptCacheAndCloneAgain() throws IOException {
        Path bare = servers.createRepository("corrupt", Map.of("deploy.yaml", "image: app:v1\n"));
        GitWorkspaces workspaces = new GitWorkspaces(storage);
        GitSource source = new GitSource(servers.daemonUrl("corrupt"), CheckoutRef.ofBranch("main"));
        Path cache;
        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            cache = workspace.workTree();
            Files.writeString(cache.resolve("leftover.txt"), "from a crashed run");
        }
        corruptObjects(cache.resolve(".git/objects"));

        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            assertThat(workspace.revision().sha()).isEqualTo(head(bare, "main"));
            assertThat(workspace.workTree().resolve("deploy.yaml")).hasContent("image: app:v1\n");
            assertThat(workspace.workTree().resolve("leftover.txt")).doesNotExist();
        }
    }

    @Test
    void shouldRecloneWhenTheCacheIsNotEvenARepositoryAnymore() throws IOException {
        Path bare = servers.createRepository("broken-head", Map.of("a.txt", "a\n"));
        GitWorkspaces workspaces = new GitWorkspaces(storage);
        GitSource source = new GitSource(servers.daemonUrl("broken-head"), CheckoutRef.ofBranch("main"));
        Path cache;
        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            cache = workspace.workTree();
        }
        Files.writeString(cache.resolve(".git/HEAD"), "garbage");
        Files.writeString(cache.resolve(".git/config"), "[[[ not a config");

        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            assertThat(workspace.revision().sha()).isEqualTo(head(bare, "main"));
        }
    }

    @Test
    void shouldCommitAsTheAuthorAndPushToTheCheckoutBranch() throws IOException {
        Path bare = servers.createRepository("push", Map.of("deploy.yaml", "image: app:v1\n"));
        GitWorkspaces workspaces = new GitWorkspaces(storage);
        GitSource source = new GitSource(servers.daemonUrl("push"), CheckoutRef.ofBranch("main"));
        PushResult result;
        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            result = workspace.commitAndPush(new FileEdit("deploy.yaml", "image: app:v2\n", "Update app to v2"),
                    BOT, PushRequest.TO_CHECKOUT_BRANCH);
        }
        assertThat(result.pushed()).isTrue();
        assertThat(result.branch()).isEqualTo("main");
        assertThat(result.commitSha()).isEqualTo(head(bare, "main"));
        assertThat(result.revision().toString()).isEqualTo("main@sha1:" + result.commitSha());
        assertThat(git(bare, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%B", "main"))
                .isEqualTo("fluxbot <fluxbot@example.test>|fluxbot <fluxbot@example.test>|Update app to v2\n");
        assertThat(git(bare, "cat-file", "commit", "main")).as("the message is kept verbatim, no newline added")
                .endsWith("\n\nUpdate app to v2");
        assertThat(git(bare, "show", "main:deploy.yaml")).isEqualTo("image: app:v2\n");
    }

    @Test
    void shouldNotCommitWhenTheUpdateChangesNothing() throws IOException {
        Path bare = servers.createRepository("no-change", Map.of("deploy.yaml", "image: app:v1\n"));
        String before = head(bare, "main");
        try (GitWorkspace workspace = new GitWorkspaces(storage).open(
                new GitSource(servers.daemonUrl("no-change"), CheckoutRef.ofBranch("main")), GitCredentials.NONE)) {
            PushResult result = workspace.commitAndPush(new FileEdit("deploy.yaml", "image: app:v1\n", "noop"),
                    BOT, PushRequest.TO_CHECKOUT_BRANCH);
            assertThat(result.pushed()).isFalse();
            assertThat(result.revision().toString()).isEqualTo("main@sha1:" + before);
        }
        assertThat(head(bare, "main")).isEqualTo(before);
    }

    @Test
    void shouldPushToAnotherBranchAndBuildOnItWhenItExists() throws IOException {
        Path bare = servers.createRepository("switch", Map.of("deploy.yaml", "image: app:v1\n"));
        GitWorkspaces workspaces = new GitWorkspaces(storage);
        GitSource source = new GitSource(servers.daemonUrl("switch"), CheckoutRef.ofBranch("main"));
        String main = head(bare, "main");
        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            PushResult first = workspace.commitAndPush(new FileEdit("a.yaml", "a: 1\n", "first"), BOT,
                    PushRequest.toBranch("auto"));
            assertThat(first.revision().toString()).as("switchBranch records the checkout revision")
                    .isEqualTo("main@sha1:" + main);
        }
        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            workspace.commitAndPush(new FileEdit("b.yaml", "b: 1\n", "second"), BOT, PushRequest.toBranch("auto"));
        }
        assertThat(git(bare, "log", "--format=%s", "auto")).isEqualTo("second\nfirst\ninitial\n");
        assertThat(head(bare, "main")).isEqualTo(main);
    }

    @Test
    void shouldSendPushOptionsAndPushTheRefspecAfterTheBranch() throws IOException {
        Path bare = servers.createRepository("options", Map.of("deploy.yaml", "image: app:v1\n"));
        Path log = scratch.resolve("push-options.log");
        Path hook = bare.resolve("hooks/post-receive");
        Files.writeString(hook, "#!/bin/sh\ni=0\nwhile [ $i -lt \"${GIT_PUSH_OPTION_COUNT:-0}\" ]; do\n"
                + "  eval \"echo \\$GIT_PUSH_OPTION_$i\" >> " + log + "\n  i=$((i+1))\ndone\n");
        hook.toFile().setExecutable(true);
        PushRequest push = new PushRequest("auto", "refs/heads/auto:refs/heads/review",
                Map.of("topic", "image-updates", "title", "Update images"));
        try (GitWorkspace workspace = new GitWorkspaces(storage).open(
                new GitSource(servers.daemonUrl("options"), CheckoutRef.ofBranch("main")), GitCredentials.NONE)) {
            PushResult result = workspace.commitAndPush(new FileEdit("deploy.yaml", "image: app:v2\n", "bump"),
                    BOT, push);
            assertThat(result.refspec()).isEqualTo("refs/heads/auto:refs/heads/review");
            assertThat(head(bare, "review")).isEqualTo(result.commitSha()).isEqualTo(head(bare, "auto"));
        }
        assertThat(Files.readAllLines(log)).containsExactly(
                "title=Update images", "topic=image-updates", "title=Update images", "topic=image-updates");
    }

    @Test
    void shouldCheckOutTagsSemverRangesNamedRefsAndCommits() throws IOException {
        Path bare = servers.createRepository("refs", Map.of("v.txt", "1.0.0\n"));
        String first = head(bare, "main");
        git(bare, "tag", "v1.0.0", "main");
        String second = pushAsHuman(bare, "v.txt", "1.2.0\n");
        git(bare, "tag", "-a", "-m", "release", "v1.2.0", "main");
        String third = pushAsHuman(bare, "v.txt", "2.0.0\n");
        git(bare, "tag", "v2.0.0", "main");
        GitWorkspaces workspaces = new GitWorkspaces(storage);
        String url = servers.daemonUrl("refs");

        record Case(CheckoutRef ref, String expected) { }
        for (Case c : List.of(
                new Case(CheckoutRef.ofTag("v1.0.0"), "v1.0.0@sha1:" + first),
                new Case(CheckoutRef.ofSemver(">=1.0.0 <2.0.0"), "v1.2.0@sha1:" + second),
                new Case(CheckoutRef.ofName("refs/heads/main"), "main@sha1:" + third),
                new Case(CheckoutRef.ofCommit(first), "sha1:" + first),
                new Case(new CheckoutRef("main", null, null, null, second), "main@sha1:" + second))) {
            try (GitWorkspace workspace = workspaces.open(new GitSource(url, c.ref()), GitCredentials.NONE)) {
                assertThat(workspace.revision().toString()).as(c.ref().toString()).isEqualTo(c.expected());
            }
        }
    }

    @Test
    void shouldRefuseToGuessAPushBranchForATagCheckout() throws IOException {
        servers.createRepository("tag-only", Map.of("a.txt", "a\n"));
        git(servers.bareRepository("tag-only"), "tag", "v1", "main");
        try (GitWorkspace workspace = new GitWorkspaces(storage).open(
                new GitSource(servers.daemonUrl("tag-only"), CheckoutRef.ofTag("v1")), GitCredentials.NONE)) {
            assertThatThrownBy(() -> workspace.commitAndPush(new FileEdit("a.txt", "b\n", "m"), BOT,
                    PushRequest.TO_CHECKOUT_BRANCH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("push spec not provided");
        }
    }

    @Test
    void shouldShortCircuitOnlyWhileTheRemoteHeadIsUnchanged() {
        Path bare = servers.createRepository("ls-remote", Map.of("a.txt", "a\n"));
        GitWorkspaces workspaces = new GitWorkspaces(storage);
        GitSource source = new GitSource(servers.daemonUrl("ls-remote"), CheckoutRef.ofBranch("main"));
        String observed = "main@sha1:" + head(bare, "main");

        assertThat(workspaces.unchangedSince(observed, source, PushRequest.TO_CHECKOUT_BRANCH, GitCredentials.NONE))
                .isTrue();
        assertThat(workspaces.unchangedSince(observed, source,
                new PushRequest(null, "refs/heads/main:refs/heads/x", Map.of()), GitCredentials.NONE))
                .as("a refspec always needs a full run").isFalse();
        pushAsHuman(bare, "a.txt", "b\n");
        assertThat(workspaces.unchangedSince(observed, source, PushRequest.TO_CHECKOUT_BRANCH, GitCredentials.NONE))
                .isFalse();
    }

    @Test
    void shouldReportAMissingBranchClearly() {
        servers.createRepository("missing-branch", Map.of("a.txt", "a\n"));
        GitSource source = new GitSource(servers.daemonUrl("missing-branch"), CheckoutRef.ofBranch("nope"));
        assertThatThrownBy(() -> new GitWorkspaces(storage).open(source, GitCredentials.NONE))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("fetching nope from " + servers.daemonUrl("missing-branch") + " failed");
    }

    private String pushAsHuman(Path bare, String file, String content) {
        Path clone = scratch.resolve("human-" + System.nanoTime());
        git(scratch, "clone", "-q", bare.toString(), clone.toString());
        try {
            Files.writeString(clone.resolve(file), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        git(clone, "commit", "-qam", "human edit");
        git(clone, "push", "-q", "origin", "HEAD:main");
        return head(bare, "main");
    }

    static String head(Path bare, String ref) {
        return git(bare, "rev-parse", ref + "^{commit}").trim();
    }

    private static void corruptObjects(Path objects) throws IOException {
        try (Stream<Path> files = Files.walk(objects)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                file.toFile().setWritable(true);
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
    }
}
