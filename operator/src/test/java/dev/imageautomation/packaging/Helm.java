package dev.imageautomation.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The helm CLI as the tests use it: {@code scripts/helm-binary.sh} finds (or builds once from the Go module proxy
 * and caches) the pinned helm, which then runs against the chart in the checkout.
 */
public final class Helm {

  /** What one helm run printed and how it exited. */
  public record Result(int exitCode, String stdout, String stderr) {
    public Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError("helm exited with " + exitCode + ":\n" + stderr + stdout);
      }
      return this;
    }
  }

  private final Path binary;

  private Helm(Path binary) {
    this.binary = binary;
  }

  /** Runs {@code scripts/helm-binary.sh}; fails with the script's own message when helm cannot be had. */
  public static Helm locate() throws IOException, InterruptedException {
    Path script = RepositoryLayout.root().resolve("scripts/helm-binary.sh");
    Result found = run(List.of(script.toString()));
    if (found.exitCode() != 0) {
      throw new IllegalStateException(
          "scripts/helm-binary.sh could not provide helm (run scripts/install-test-deps.sh):\n" + found.stderr());
    }
    return new Helm(Path.of(found.stdout().strip()));
  }

  /** {@code helm template} of the chart with the release name and namespace {@code deploy/} is rendered with. */
  public Result template(String... extraArgs) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(
        "template", RepositoryLayout.RELEASE_NAME, RepositoryLayout.chart().toString(),
        "--namespace", RepositoryLayout.NAMESPACE));
    args.addAll(List.of(extraArgs));
    return helm(args);
  }

  /** Runs a script of the repository (which finds helm itself), e.g. {@code scripts/render-deploy.sh}. */
  static Result script(String relativePath, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(RepositoryLayout.root().resolve(relativePath).toString());
    command.addAll(List.of(args));
    return run(command);
  }

  Result helm(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    return run(command);
  }

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("helm", ".out");
    Path err = Files.createTempFile("helm", ".err");
    try {
      Process process = new ProcessBuilder(command)
          .directory(RepositoryLayout.root().toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      if (!process.waitFor(30, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
