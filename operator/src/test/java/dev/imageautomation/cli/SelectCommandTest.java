package dev.imageautomation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SelectCommandTest {
  @TempDir Path dir;

  /** The three ImagePolicy patterns of the user's reference document, verbatim in their spec. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      numerical run id  | filterTags: {pattern: '^dev-[0-9a-fA-F]{7,40}-(?P<run>[0-9]+)$', extract: '$run'}\\npolicy: {numerical: {order: asc}} | dev-abc1234-12345678,dev-abc1234-9,dev-fff0000-12345679,main-abc1234-99999999 | dev-fff0000-12345679
      semver            | filterTags: {pattern: '^v(?P<version>[0-9]+\\.[0-9]+\\.[0-9]+)$', extract: '$version'}\\npolicy: {semver: {range: '>=1.0.0'}} | v0.9.0,v1.2.3,v1.10.0,v2.0.0-rc.1,1.11.0 | v1.10.0
      alphabetical sha  | filterTags: {pattern: '^staging-(?P<sha>[0-9a-fA-F]{7,40})$', extract: '$sha'}\\npolicy: {alphabetical: {order: desc}} | staging-bbbbbbb,staging-aaaaaaa,prod-0000000 | staging-aaaaaaa
      """)
  void shouldSelectWhatTheReferenceExamplesPromise(
      String example, String spec, String tags, String expected) throws IOException {
    Path policy = policyFile(spec.replace("\\n", "\n"));
    Path tagFile = tagsFile(tags.split(","));

    Result result = run("--policy", policy.toString(), "--tags", tagFile.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(expected + System.lineSeparator());
    assertThat(result.err()).isEmpty();
  }

  @Test
  void shouldReadTagsFromStandardInputInTheGivenOrder() throws IOException {
    Path policy = policyFile("policy: {semver: {range: '*'}}");

    Result result = runWithStdin("v1.0.0\n1.0.0\n\n0.9.0\n",
        "--policy", policy.toString(), "--tags", "-");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).isEqualTo("v1.0.0");
  }

  @Test
  void shouldExitOneWhenNoTagMatchesTheFilter() throws IOException {
    Path policy = policyFile("filterTags: {pattern: '^release-'}\npolicy: {semver: {range: '*'}}");

    Result result = runWithStdin("1.0.0\n", "--policy", policy.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("no tag matches filter pattern '^release-'");
  }

  @Test
  void shouldExitOneWhenNoVersionIsInRange() throws IOException {
    Path policy = policyFile("policy: {semver: {range: '>=2.0.0'}}");

    Result result = runWithStdin("1.0.0\n1.9.9\n", "--policy", policy.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("unable to determine latest version from provided list");
  }

  @Test
  void shouldExitOneWithTheTagNamedWhenANumericalPolicyMeetsANonNumber() throws IOException {
    Path policy = policyFile("policy: {numerical: {order: asc}}");

    Result result = runWithStdin("12\nlatest\n", "--policy", policy.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("failed to parse invalid numeric value 'latest'");
  }

  @Test
  void shouldExitOneWhenThereAreNoTags() throws IOException {
    Path policy = policyFile("policy: {alphabetical: {}}");

    Result result = runWithStdin("", "--policy", policy.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("version list argument cannot be empty");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      invalid range              | policy: {semver: {range: '>=1.0 && <2.0'}}                      | expected a version at "&&"
      no policy kind             | policy: {}                                                      | given ImagePolicyChoice object is invalid
      unknown order              | policy: {numerical: {order: up}}                                | invalid order argument provided: 'UP'
      invalid pattern            | filterTags: {pattern: '(?P<x'}\\npolicy: {alphabetical: {}}     | invalid regular expression pattern '(?P<x'
      unquoted numeric range     | policy: {semver: {range: 1.0}}                                  | spec.policy.semver.range must be a string
      missing policy             | filterTags: {pattern: x}                                        | spec.policy is required
      """)
  void shouldExitTwoAndExplainWhenThePolicyIsInvalid(String story, String spec, String message)
      throws IOException {
    Path policy = policyFile(spec.replace("\\n", "\n"));

    Result result = runWithStdin("1.0.0\n", "--policy", policy.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains(message);
  }

  @Test
  void shouldExitTwoWhenTheFileIsNotAnImagePolicy() throws IOException {
    Path policy = dir.resolve("repo.yaml");
    Files.writeString(policy, "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\n");

    Result result = runWithStdin("1.0.0\n", "--policy", policy.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no document with kind: ImagePolicy");
  }

  @Test
  void shouldExitTwoWhenTheTagsFileIsMissing() throws IOException {
    Path policy = policyFile("policy: {alphabetical: {}}");

    Result result = run("--policy", policy.toString(), "--tags", dir.resolve("nope").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("cannot read tags file");
  }

  @Test
  void shouldExitTwoWithUsageWhenThePolicyOptionIsMissing() {
    Result result = run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--policy");
  }

  @Test
  void shouldPickTheImagePolicyFromAMultiDocumentFile() throws IOException {
    Path policy = dir.resolve("all.yaml");
    Files.writeString(policy, """
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata: {name: app}
        spec: {image: ghcr.io/org/app}
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata: {name: app}
        spec:
          imageRepositoryRef: {name: app}
          policy:
            alphabetical:
              order: asc
        """);

    Result result = runWithStdin("a\nc\nb\n", "--policy", policy.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).isEqualTo("c");
  }

  @Test
  void shouldBeReachableThroughTheMainEntryPoint() throws IOException {
    Path policy = policyFile("policy: {numerical: {}}");
    Path tags = tagsFile("3", "20", "1");
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    int exitCode;
    try {
      exitCode = Main.execute("select", "--policy", policy.toString(), "--tags", tags.toString());
    } finally {
      System.setOut(original);
    }
    assertThat(exitCode).isZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8).strip()).isEqualTo("20");
  }

  private Path policyFile(String specBody) throws IOException {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata: {name: app, namespace: flux-system}
        spec:
          imageRepositoryRef: {name: app}
        """);
    specBody.lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, yaml.toString());
    return file;
  }

  private Path tagsFile(String... tags) throws IOException {
    Path file = dir.resolve("tags.txt");
    Files.write(file, List.of(tags));
    return file;
  }

  private Result run(String... args) {
    return runWithStdin("", args);
  }

  private Result runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new SelectCommand(
        () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  private record Result(int exitCode, String out, String err) {}
}
