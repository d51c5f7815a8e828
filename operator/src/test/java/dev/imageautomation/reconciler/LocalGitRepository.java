package dev.imageautomation.reconciler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A bare repository on disk, seeded and inspected with the {@code git} command (preinstalled everywhere here). */
final class LocalGitRepository {
  private final Path bare;
  private final Path scratch;

  private LocalGitRepository(Path bare, Path scratch) {
    this.bare = bare;
    this.scratch = scratch;
  }

  /** A bare repository whose {@code main} holds {@code files} in one commit. */
  static LocalGitRepository seeded(Path dir, Map<String, String> files) throws IOException {
    LocalGitRepository repository = new LocalGitRepository(dir.resolve("remote.git"), dir.resolve("seed"));
    git(dir, "init", "-q", "--bare", "-b", "main", repository.bare.toString());
    git(dir, "init", "-q", "-b", "main", repository.scratch.toString());
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = repository.scratch.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
    git(repository.scratch, "add", "-A");
    git(repository.scratch, "-c", "user.name=seed", "-c", "user.email=seed@example.test", "commit", "-q", "-m",
        "initial");
    git(repository.scratch, "push", "-q", repository.bare.toString(), "main");
    return repository;
  }

  String url() {
    return bare.toUri().toString();
  }

  String head(String branch) throws IOException {
    return git(bare, "rev-parse", branch).trim();
  }

  String message(String revision) throws IOException {
    return git(bare, "log", "-1", "--format=%B", revision);
  }

  String show(String revision, String path) throws IOException {
    return git(bare, "show", revision + ":" + path);
  }

  int commitCount(String branch) throws IOException {
    return Integer.parseInt(git(bare, "rev-list", "--count", branch).trim());
  }

  static String git(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IOException("git " + String.join(" ", args) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return output;
  }
}
