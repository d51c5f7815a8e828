package dev.imageautomation.git;

import static dev.imageautomation.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.testing.GitCli;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.StartedGitServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes that race: a rejected push is re-applied on the new head, so no update is lost or duplicated. */
class GitPushRaceIT {

    private static final CommitRequest BOT = new CommitRequest("fluxbot", "fluxbot@example.test");
    private static final PushRetry FAST_RETRY = new PushRetry(30, Duration.ofMillis(5), Duration.ofMillis(100));
    private static final AtomicInteger REPOSITORIES = new AtomicInteger();
    @StartedGitServers
    private static GitServers servers;

    @TempDir
    Path storage;
    @TempDir
    Path scratch;


    @Test
    void shouldReapplyTheUpdateOnTheNewHeadWhenSomeonePushedFirst() throws IOException {
        String name = newRepository();
        Path bare = servers.bareRepository(name);
        FileEdit edit = new FileEdit("a.yaml", "image: app:v2\n", "bump a");
        AtomicInteger humanPushes = new AtomicInteger();
        TreeUpdate racedOnce = workTree -> {
            if (humanPushes.getAndIncrement() == 0) {
                humanCommit(bare, "human.txt", "line 0\n", "H-0");
            }
            return edit.apply(workTree);
        };
        PushResult result;
        try (GitWorkspace workspace = workspaces(storage).open(source(name), GitCredentials.NONE)) {
            result = workspace.commitAndPush(racedOnce, BOT, PushRequest.TO_CHECKOUT_BRANCH);
        }
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(edit.applications()).isEqualTo(2);
        assertThat(git(bare, "log", "--format=%s", "main")).isEqualTo("bump a\nH-0\ninitial\n");
        assertThat(result.commitSha()).isEqualTo(GitWorkspaceIT.head(bare, "main"));
    }

    @Test
    void shouldPushNothingWhenTheNewHeadAlreadyHasTheChange() throws IOException {
        String name = newRepository();
        Path bare = servers.bareRepository(name);
        FileEdit edit = new FileEdit("a.yaml", "image: app:v2\n", "bump a");
        AtomicInteger calls = new AtomicInteger();
        TreeUpdate humanDidItToo = workTree -> {
            if (calls.getAndIncrement() == 0) {
                humanCommit(bare, "a.yaml", "image: app:v2\n", "human bump");
            }
            return edit.apply(workTree);
        };
        try (GitWorkspace workspace = workspaces(storage).open(source(name), GitCredentials.NONE)) {
            PushResult result = workspace.commitAndPush(humanDidItToo, BOT, PushRequest.TO_CHECKOUT_BRANCH);
            assertThat(result.pushed()).isFalse();
            assertThat(result.revision().sha()).isEqualTo(GitWorkspaceIT.head(bare, "main"));
        }
        assertThat(git(bare, "log", "--format=%s", "main")).isEqualTo("human bump\ninitial\n");
    }

    @Test
    void shouldGiveUpAfterTheRetryBudgetWhenTheBranchKeepsMoving() {
        String name = newRepository();
        Path bare = servers.bareRepository(name);
        AtomicInteger round = new AtomicInteger();
        TreeUpdate alwaysRaced = workTree -> {
            int i = round.getAndIncrement();
            humanCommit(bare, "human.txt", "line " + i + "\n", "H-" + i);
            return new FileEdit("a.yaml", "image: app:v2\n", "bump a").apply(workTree);
        };
        GitWorkspaces workspaces = new GitWorkspaces(storage, new PushRetry(3, Duration.ZERO, Duration.ZERO),
                java.time.Clock.systemUTC());
        try (GitWorkspace workspace = workspaces.open(source(name), GitCredentials.NONE)) {
            assertThatThrownBy(() -> workspace.commitAndPush(alwaysRaced, BOT, PushRequest.TO_CHECKOUT_BRANCH))
                    .isInstanceOf(PushRejectedException.class)
                    .hasMessageContaining("rejected 3 times");
        }
        assertThat(round.get()).isEqualTo(3);
        assertThat(git(bare, "log", "--format=%s", "main")).doesNotContain("bump a");
    }

    @Test
    void shouldLoseAndDuplicateNothingWhenTwoAutomationsAndAHumanPushToOneBranch() throws Exception {
        String name = newRepository();
        Path bare = servers.bareRepository(name);
        int rounds = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> writers = List.of(
                    pool.submit(automation(name, "a.yaml", "A", rounds, storage.resolve("a"), start)),
                    pool.submit(automation(name, "b.yaml", "B", rounds, storage.resolve("b"), start)),
                    pool.submit(human(bare, rounds, start)));
            start.countDown();
            for (Future<Integer> writer : writers) {
                assertThat(writer.get(5, TimeUnit.MINUTES)).isEqualTo(rounds);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> subjects = Arrays.asList(git(bare, "log", "--format=%s", "main").split("\n"));
        List<String> expected = new ArrayList<>(List.of("initial"));
        for (int i = 0; i < rounds; i++) {
            expected.addAll(List.of("A-" + i, "B-" + i, "H-" + i));
        }
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(git(bare, "show", "main:a.yaml")).isEqualTo("value: A-" + (rounds - 1) + "\n");
        assertThat(git(bare, "show", "main:b.yaml")).isEqualTo("value: B-" + (rounds - 1) + "\n");
        StringBuilder humanLines = new StringBuilder();
        for (int i = 0; i < rounds; i++) {
            humanLines.append("line ").append(i).append('\n');
        }
        assertThat(git(bare, "show", "main:human.txt")).isEqualTo(humanLines.toString());
        assertThat(git(bare, "rev-list", "--merges", "main")).as("history stays linear").isEmpty();
    }

    private Callable<Integer> automation(String name, String file, String id, int rounds, Path cache,
            CountDownLatch start) {
        return () -> {
            start.await();
            GitWorkspaces workspaces = workspaces(cache);
            int pushed = 0;
            for (int i = 0; i < rounds; i++) {
                try (GitWorkspace workspace = workspaces.open(source(name), GitCredentials.NONE)) {
                    PushResult result = workspace.commitAndPush(
                            new FileEdit(file, "value: " + id + "-" + i + "\n", id + "-" + i), BOT,
                            PushRequest.TO_CHECKOUT_BRANCH);
                    pushed += result.pushed() ? 1 : 0;
                }
            }
            return pushed;
        };
    }

    /** A person appending a line per commit, with {@code pull --rebase} and push until the push goes through. */
    private Callable<Integer> human(Path bare, int rounds, CountDownLatch start) {
        return () -> {
            start.await();
            Path clone = scratch.resolve("human-racer");
            git(scratch, "clone", "-q", bare.toString(), clone.toString());
            for (int i = 0; i < rounds; i++) {
                Files.writeString(clone.resolve("human.txt"), "line " + i + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                git(clone, "commit", "-qam", "H-" + i);
                pushUntilAccepted(clone);
            }
            return rounds;
        };
    }

    private static void pushUntilAccepted(Path clone) {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (GitCli.tryGit(clone, Map.of(), "push", "-q", "origin", "HEAD:main").exitCode() == 0) {
                return;
            }
            git(clone, "pull", "-q", "--rebase", "origin", "main");
        }
        throw new IllegalStateException("the human could not push in 100 attempts");
    }

    private void humanCommit(Path bare, String file, String content, String message) {
        Path clone = scratch.resolve("human-" + System.nanoTime());
        git(scratch, "clone", "-q", bare.toString(), clone.toString());
        try {
            Files.writeString(clone.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(clone, "add", "-A");
        git(clone, "commit", "-qm", message);
        git(clone, "push", "-q", "origin", "HEAD:main");
    }

    private static GitWorkspaces workspaces(Path storage) {
        return new GitWorkspaces(storage, FAST_RETRY, java.time.Clock.systemUTC());
    }

    private static GitSource source(String name) {
        return new GitSource(servers.daemonUrl(name), CheckoutRef.ofBranch("main"));
    }

    private static String newRepository() {
        String name = "race-" + REPOSITORIES.incrementAndGet();
        servers.createRepository(name, Map.of("a.yaml", "value: none\n", "b.yaml", "value: none\n",
                "human.txt", ""));
        return name;
    }

}
