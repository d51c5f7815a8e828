package dev.imageautomation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.Main;
import dev.imageautomation.testing.RegistryServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} over the reference dev example against a real registry and a local Git repository. */
class RunCommandIT {

  private static final String PATCHES = """
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: app-name
      spec:
        values:
          image:
            tag: dev-abc1234-12345678 # {"$imagepolicy": "flux-system:app-name-dev:tag"}
      """;

  private static RegistryServer registry;
  @TempDir Path dir;

  @BeforeAll
  static void startRegistry() {
    registry = RegistryServer.start(RegistryServer.Mode.PLAIN);
    registry.pushTags("app-name", "dev-abc1234-12345678", "dev-def5678-12345690", "dev-0123456-9", "latest");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void shouldShowTheStatusesAndTheCommitItWouldMakeWithoutPushing() throws Exception {
    Path manifests = manifests();

    Result result = run("run", "-f", manifests.toString());

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .containsPattern("flux-system\\s+app-name-dev\\s+" + registry.image("app-name").replace(".", "\\.")
            + "\\s+4\\s+True\\s+successful scan: found 4 tags with checksum")
        .containsPattern("app-name-dev\\s+\\S+/app-name\\s+dev-def5678-12345690\\s+True\\s+Latest image tag for")
        .containsPattern("app-name-auto-dev\\s+True\\s+repository up-to-date")
        .contains("would commit", "chore: automated image update", "Automation: flux-system/app-name-auto-dev",
            "changing patches.yaml");
    assertThat(git("rev-list", "--count", "main").trim()).isEqualTo("1");
  }

  @Test
  void shouldPrintTheDiffWithDryRun() throws Exception {
    Result result = run("run", "-f", manifests().toString(), "--dry-run");

    assertThat(result.out()).contains("--- a/patches.yaml", "-      tag: dev-abc1234-12345678",
        "+      tag: dev-def5678-12345690");
  }

  @Test
  void shouldPushTheCommitWithPush() throws Exception {
    Result result = run("run", "-f", manifests().toString(), "--push");

    assertThat(result.exit()).isZero();
    assertThat(git("log", "-1", "--format=%B", "main"))
        .isEqualTo("chore: automated image update\n\nAutomation: flux-system/app-name-auto-dev\n\n");
    assertThat(git("show", "main:apps/dev/patches.yaml")).contains("tag: dev-def5678-12345690 #");
    assertThat(result.out()).contains("pushed commit " + git("rev-parse", "main").trim());
  }

  @Test
  void shouldFailWithAClearMessageForAFileThatIsNotYaml() throws Exception {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "kind: [unclosed");

    Result result = run("run", "-f", broken.toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("broken.yaml").contains("not valid YAML");
  }

  private Path manifests() throws IOException {
    Path seed = dir.resolve("seed");
    Files.createDirectories(seed.resolve("apps/dev"));
    Files.writeString(seed.resolve("apps/dev/patches.yaml"), PATCHES);
    gitIn(dir, "init", "-q", "--bare", "-b", "main", dir.resolve("remote.git").toString());
    gitIn(seed, "init", "-q", "-b", "main");
    gitIn(seed, "add", "-A");
    gitIn(seed, "-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", "initial");
    gitIn(seed, "push", "-q", dir.resolve("remote.git").toString(), "main");
    String example = new String(RunCommandIT.class.getResourceAsStream("/examples/dev-environment.yaml")
        .readAllBytes(), StandardCharsets.UTF_8)
        .replace("${EXAMPLE_GIT_URL}", dir.resolve("remote.git").toString())
        .replace("${EXAMPLE_REGISTRY}", registry.hostPort());
    Path manifests = dir.resolve("manifests");
    Files.createDirectories(manifests);
    Files.writeString(manifests.resolve("dev.yaml"), example);
    return manifests;
  }

  private String git(String... args) throws IOException {
    return gitIn(dir.resolve("remote.git"), args);
  }

  private static String gitIn(Path directory, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return output;
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
    ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBuffer, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBuffer, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.execute(args);
      return new Result(exit, outBuffer.toString(StandardCharsets.UTF_8), errBuffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
