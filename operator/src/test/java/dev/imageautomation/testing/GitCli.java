package dev.imageautomation.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} (and other CLI tools) for tests, in an environment that does not leak this machine's
 * settings: no global or system git config, no CA bundle override ({@code GIT_SSL_CAINFO}), no prompts.
 */
public final class GitCli {

    private GitCli() {
    }

    /** Runs {@code git args...} in {@code directory}; fails the test with git's output when it exits non-zero. */
    public static String git(Path directory, String... args) {
        return git(directory, Map.of(), args);
    }

    public static String git(Path directory, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        return run(directory, env, command);
    }

    /** Like {@link #git} but returns the exit code and output instead of failing. */
    public static Result tryGit(Path directory, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        return exec(directory, env, command);
    }

    public static String run(Path directory, Map<String, String> env, List<String> command) {
        Result result = exec(directory, env, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "):\n"
                    + result.output());
        }
        return result.output();
    }

    public static Result exec(Path directory, Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        cleanEnvironment(builder.environment());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0)
                    + " (run scripts/install-test-deps.sh to install the test tools)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(key -> key.startsWith("GIT_") || key.equals("SSL_CERT_FILE")
                || key.equals("SSL_CERT_DIR") || key.equals("CURL_CA_BUNDLE"));
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_AUTHOR_NAME", "Test Human");
        env.put("GIT_AUTHOR_EMAIL", "human@example.test");
        env.put("GIT_COMMITTER_NAME", "Test Human");
        env.put("GIT_COMMITTER_EMAIL", "human@example.test");
    }

    /** A finished command. */
    public record Result(int exitCode, String output) {
    }
}
