package dev.imageautomation.setters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves paths under the checkout root so that nothing outside it is ever read or written: the update
 * path must be relative and stay inside the root both by name ({@code ..}) and after following symlinks;
 * a symlinked file is followed only to a target inside the root.
 */
final class UpdatePaths {
  private final Path realRoot;

  private UpdatePaths(Path realRoot) {
    this.realRoot = realRoot;
  }

  static UpdatePaths under(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new InvalidUpdatePathException("the checkout root " + root + " is not a directory");
    }
    return new UpdatePaths(root.toRealPath());
  }

  /** The real directory an update path (relative to the root) names. */
  Path updateDirectory(Path updatePath) throws IOException {
    String shown = updatePath.toString().isEmpty() ? "." : updatePath.toString();
    if (updatePath.isAbsolute() || updatePath.getRoot() != null) {
      throw new InvalidUpdatePathException(
          "the update path '" + shown + "' must be relative to the repository root");
    }
    Path byName = realRoot.resolve(updatePath).normalize();
    if (!byName.startsWith(realRoot)) {
      throw new InvalidUpdatePathException(
          "the update path '" + shown + "' leads outside the repository");
    }
    if (!Files.exists(byName)) {
      throw new InvalidUpdatePathException(
          "the update path '" + shown + "' does not exist in the repository");
    }
    Path real = byName.toRealPath();
    if (!real.startsWith(realRoot)) {
      throw new InvalidUpdatePathException(
          "the update path '" + shown + "' leads outside the repository through a symlink");
    }
    if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidUpdatePathException("the update path '" + shown + "' is not a directory");
    }
    return real;
  }

  /**
   * The real file a symlink leads to, when it is inside the root; empty for a dangling link or one
   * that leads outside.
   */
  Optional<Path> insideTarget(Path link) {
    try {
      Path real = link.toRealPath();
      return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
    } catch (IOException dangling) {
      return Optional.empty();
    }
  }
}
