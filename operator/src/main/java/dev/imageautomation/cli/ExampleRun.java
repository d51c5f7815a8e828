package dev.imageautomation.cli;

import dev.imageautomation.git.SeedRepository;
import dev.imageautomation.reconciler.SourceUpdater;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demonstration {@code image-automation} runs when started with no arguments and no cluster: a {@code run}
 * pass with {@code --dry-run} semantics over the embedded reference dev example, against a throw-away Git
 * repository created here (an embedded manifest cannot name a repository on the user's machine) and the registry
 * {@code 127.0.0.1:5000} (override with {@value #REGISTRY_VARIABLE}). Without a registry there, the statuses show
 * how each failure reads; with one holding {@code dev-<sha>-<run>} tags, the diff shows the update. Nothing is
 * pushed anywhere.
 */
final class ExampleRun {

  static final String REGISTRY_VARIABLE = "IMAGE_AUTOMATION_EXAMPLE_REGISTRY";
  private static final String MANIFESTS = "/examples/dev-environment.yaml";
  private static final String PATCHES = "/examples/repository/apps/dev/patches.yaml";

  private ExampleRun() {}

  static int run(PrintWriter out, Map<String, String> environment) {
    String registry = environment.getOrDefault(REGISTRY_VARIABLE, "127.0.0.1:5000");
    try {
      Path scratch = Files.createTempDirectory("image-automation-example");
      Path repository = createRepository(scratch.resolve("config-repo.git"));
      Path manifests = scratch.resolve("dev-environment.yaml");
      Files.writeString(manifests, resource(MANIFESTS).replace("${EXAMPLE_GIT_URL}", repository.toUri().toString())
          .replace("${EXAMPLE_REGISTRY}", registry));
      out.println("""
          No Kubernetes cluster is reachable (no kubeconfig, or the API server refused the connection), so this is \
          a demonstration: one `run --dry-run` pass over the reference dev example
            manifests:  %s
            git:        %s (a throw-away repository holding apps/dev/patches.yaml)
            registry:   %s (set %s to use another)
          Push tags such as dev-abc1234-1 and dev-def5678-2 to %s/app-name to see the update as a diff.
          To run the operator, point KUBECONFIG at a cluster; `operator --help` lists its flags.
          """.formatted(manifests, repository, registry, REGISTRY_VARIABLE, registry));
      ManifestFiles.Loaded loaded = ManifestFiles.load(List.of(manifests));
      return RunCommand.runPass(loaded.cluster(), SourceUpdater.Mode.PREVIEW, true, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the example: " + e.getMessage(), e);
    }
  }

  private static Path createRepository(Path directory) throws IOException {
    return SeedRepository.create(directory, "main", Map.of("apps/dev/patches.yaml", resource(PATCHES)),
        "example configuration");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ExampleRun.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
