package dev.imageautomation.packaging;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped artefacts live in the checkout: the chart, {@code crds/}, {@code deploy/}, the scripts. */
public final class RepositoryLayout {

  public static final String RELEASE_NAME = "image-automation-controller";
  public static final String NAMESPACE = "flux-system";

  private RepositoryLayout() {}

  /** The repository root, found from the working directory (tests run in {@code operator/}). */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("charts/image-automation-operator"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no charts/image-automation-operator above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static Path chart() {
    return root().resolve("charts/image-automation-operator");
  }

  static Path crds() {
    return root().resolve("crds");
  }

  static Path chartCrds() {
    return chart().resolve("files/crds");
  }

  static Path deployManifest() {
    return root().resolve("deploy/10-operator.yaml");
  }
}
