package dev.imageautomation.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the kube-apiserver, etcd and kubectl binaries built by {@code scripts/kube-binaries.sh} live.
 *
 * <p>The Kubernetes version is pinned once, in that script; this class reads the pin from the script so the two
 * cannot drift. {@code KUBE_BINARIES_DIR} overrides the directory, as it does for the script.
 */
public record KubeBinaries(Path directory, Path kubeApiServer, Path etcd, Path kubectl) {

  static final String DIRECTORY_ENV = "KUBE_BINARIES_DIR";
  private static final Pattern PINNED_VERSION = Pattern.compile("KUBE_VERSION=\\$\\{KUBE_VERSION:-(v[0-9.]+)}");

  /** The binaries of this checkout's pinned version; fails with the command to run when they are missing. */
  public static KubeBinaries locate() {
    return verified(in(directory(System.getenv())));
  }

  static KubeBinaries verified(KubeBinaries binaries) {
    List<Path> missing = binaries.all().stream().filter(path -> !Files.isExecutable(path)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Kubernetes test binaries missing: " + missing
          + ". Build them once with scripts/kube-binaries.sh (or scripts/install-test-deps.sh),"
          + " or set " + DIRECTORY_ENV + " to a directory holding kube-apiserver, etcd and kubectl.");
    }
    return binaries;
  }

  static KubeBinaries in(Path directory) {
    return new KubeBinaries(directory, directory.resolve("kube-apiserver"), directory.resolve("etcd"),
        directory.resolve("kubectl"));
  }

  /** Same rule as the script: {@code $KUBE_BINARIES_DIR}, else the cache directory of the pinned version. */
  static Path directory(Map<String, String> env) {
    String explicit = env.get(DIRECTORY_ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String cacheHome = Optional.ofNullable(env.get("XDG_CACHE_HOME")).filter(s -> !s.isBlank())
        .orElse(Path.of(System.getProperty("user.home"), ".cache").toString());
    String version = Optional.ofNullable(env.get("KUBE_VERSION")).filter(s -> !s.isBlank())
        .orElseGet(KubeBinaries::pinnedVersion);
    return Path.of(cacheHome, "image-automation", "kube", version);
  }

  /** The {@code KUBE_VERSION} default written in {@code scripts/kube-binaries.sh}. */
  static String pinnedVersion() {
    Path script = ProjectLayout.root().resolve("scripts/kube-binaries.sh");
    try {
      Matcher matcher = PINNED_VERSION.matcher(Files.readString(script));
      if (!matcher.find()) {
        throw new IllegalStateException("no KUBE_VERSION pin found in " + script);
      }
      return matcher.group(1);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the pinned Kubernetes version from " + script, e);
    }
  }

  List<Path> all() {
    return List.of(kubeApiServer, etcd, kubectl);
  }
}
