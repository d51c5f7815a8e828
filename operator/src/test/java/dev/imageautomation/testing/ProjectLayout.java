package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds files of this checkout (scripts, CRDs) from wherever Maven runs the tests (root or {@code operator/}). */
public final class ProjectLayout {

  private ProjectLayout() {
  }

  /** The checkout's root: the nearest directory, from the working directory upwards, holding {@code scripts/}. */
  public static Path root() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/kube-binaries.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root (a directory with scripts/kube-binaries.sh) above " + start);
  }

  /**
   * The CRD manifests a cluster needs to serve this operator's API: every {@code *.yaml}/{@code *.yml} directly in
   * {@code crds/}, then those in {@code crds/optional/} (the GitRepository CRD, for clusters without Flux).
   */
  public static List<Path> crdFiles() {
    Path crds = root().resolve("crds");
    if (!Files.isDirectory(crds)) {
      throw new IllegalStateException("no CRD directory at " + crds);
    }
    return Stream.concat(yamlFilesIn(crds), yamlFilesIn(crds.resolve("optional"))).toList();
  }

  private static Stream<Path> yamlFilesIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
