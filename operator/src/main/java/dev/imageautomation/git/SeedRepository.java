package dev.imageautomation.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Creates a bare repository holding given files in one commit: what the CLI's no-cluster example pushes its
 * throw-away configuration into (added by the operator work; JGit stays in this package).
 */
public final class SeedRepository {

  private SeedRepository() {}

  /**
   * Writes {@code files} (path relative to the root → content) in one commit on {@code branch} and returns the
   * bare repository {@code directory}.
   */
  public static Path create(Path directory, String branch, Map<String, String> files, String message)
      throws IOException {
    Path seed = Files.createTempDirectory(directory.getParent(), "seed");
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = seed.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch(branch).call()) {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("seed", "seed@example.com")
            .setCommitter("seed", "seed@example.com").setSign(false).call();
      }
      Git.cloneRepository().setURI(seed.toUri().toString()).setDirectory(directory.toFile()).setBare(true)
          .call().close();
      return directory;
    } catch (GitAPIException e) {
      throw new IOException("cannot create the repository " + directory + ": " + e.getMessage(), e);
    } finally {
      PrivateDirectories.delete(seed);
    }
  }
}
