package dev.imageautomation.bench;

import dev.imageautomation.git.CheckoutRef;
import dev.imageautomation.git.CommitRequest;
import dev.imageautomation.git.GitCredentials;
import dev.imageautomation.git.GitSource;
import dev.imageautomation.git.GitWorkspace;
import dev.imageautomation.git.GitWorkspaces;
import dev.imageautomation.git.PushRequest;
import dev.imageautomation.git.PushResult;
import dev.imageautomation.testing.GitCli;
import dev.imageautomation.testing.GitServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One automation run (open the workspace, rewrite one file, commit, push, close) against {@code git daemon} on a
 * repository with 20,000 files and 2,000 commits. {@code firstRun} starts from an empty cache (shallow clone);
 * {@code secondRun} reuses the cache, after someone else pushed a commit (fetch of what changed only).
 * Command: see docs/benchmarks.md, "Git automation".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class GitWorkspaceBenchmark {

    private static final int FILES = 20_000;
    private static final int COMMITS = 2_000;
    private static final CommitRequest BOT = new CommitRequest("fluxbot", "fluxbot@example.test");

    private GitServers servers;
    private GitWorkspaces warmCache;
    private GitSource source;
    private Path human;
    private int round;

    @Setup(Level.Trial)
    public void createRepository() throws IOException, InterruptedException {
        servers = GitServers.start();
        Path bare = servers.createRepository("large", Map.of());
        LargeRepository.generate(bare, FILES, COMMITS);
        source = new GitSource(servers.daemonUrl("large"), CheckoutRef.ofBranch("main"));
        human = servers.root().resolve("human");
        GitCli.git(servers.root(), "clone", "-q", "--depth", "1", bare.toString(), human.toString());
        warmCache = new GitWorkspaces(Files.createTempDirectory(servers.root(), "warm"));
        run(warmCache);
    }

    /** Someone else pushes between runs, so each run has a new remote commit to fetch. */
    @Setup(Level.Invocation)
    public void humanPushes() {
        GitCli.git(human, "pull", "-q", "--rebase", "origin", "main");
        GitCli.git(human, "commit", "-q", "--allow-empty", "-m", "human " + round);
        GitCli.git(human, "push", "-q", "origin", "HEAD:main");
    }

    @TearDown(Level.Trial)
    public void stopServers() {
        servers.close();
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 3)
    public PushResult firstRun() throws IOException {
        return run(new GitWorkspaces(Files.createTempDirectory(servers.root(), "cold")));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public PushResult secondRun() throws IOException {
        return run(warmCache);
    }

    private PushResult run(GitWorkspaces workspaces) throws IOException {
        int value = ++round;
        try (GitWorkspace workspace = workspaces.open(source, GitCredentials.NONE)) {
            PushResult result = workspace.commitAndPush(workTree -> {
                Files.writeString(workTree.resolve(LargeRepository.path(7)), "image: app:" + value + "\n");
                return Optional.of("Update app-7 to " + value);
            }, BOT, PushRequest.TO_CHECKOUT_BRANCH);
            if (!result.pushed()) {
                throw new IllegalStateException("the benchmark run pushed nothing");
            }
            return result;
        }
    }
}
