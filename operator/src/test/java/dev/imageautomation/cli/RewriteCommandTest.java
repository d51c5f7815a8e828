package dev.imageautomation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RewriteCommandTest {
  private static final String MARKED = "kind: Deployment\nmetadata:\n  name: web\nspec:\n"
      + "  image: ghcr.io/acme/api:1.0.0 # {\"$imagepolicy\": \"flux-system:api\"}\n";
  private static final String POLICY = "flux-system/api=ghcr.io/acme/api:2.0.0";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeTree() throws IOException {
    Files.createDirectories(dir.resolve("apps"));
    Files.writeString(dir.resolve("apps/web.yaml"), MARKED);
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new RewriteCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void shouldRewriteInPlaceAndPrintTheChangeSet() throws IOException {
    int exit = run(dir.toString(), "--policy", POLICY);

    assertThat(exit).isEqualTo(RewriteCommand.EXIT_OK);
    assertThat(Files.readString(dir.resolve("apps/web.yaml")))
        .isEqualTo(MARKED.replace("api:1.0.0", "api:2.0.0"));
    assertThat(out.toString()).isEqualTo("""
        Changed files (1):
          apps/web.yaml
            Deployment web
              flux-system:api: ghcr.io/acme/api:1.0.0 -> ghcr.io/acme/api:2.0.0
        """);
  }

  @Test
  void shouldPrintAUnifiedDiffAndWriteNothingOnADryRun() throws IOException {
    int exit = run(dir.toString(), "--path", "apps", "--policy", POLICY, "--dry-run");

    assertThat(exit).isEqualTo(RewriteCommand.EXIT_OK);
    assertThat(Files.readString(dir.resolve("apps/web.yaml"))).isEqualTo(MARKED);
    assertThat(out.toString()).startsWith("""
        --- a/web.yaml
        +++ b/web.yaml
        @@ -2,4 +2,4 @@
         metadata:
           name: web
         spec:
        -  image: ghcr.io/acme/api:1.0.0 # {"$imagepolicy": "flux-system:api"}
        +  image: ghcr.io/acme/api:2.0.0 # {"$imagepolicy": "flux-system:api"}
        Changed files (1):
        """);
  }

  @Test
  void shouldPrintJsonShapedLikeFluxResult() throws IOException {
    Files.writeString(dir.resolve("apps/other.yaml"), "a: b # {\"$imagepolicy\": \"flux-system:gone\"}\n");

    int exit = run(dir.toString(), "--policy", POLICY, "--output", "json", "--dry-run");

    assertThat(exit).isEqualTo(RewriteCommand.EXIT_OK);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("dryRun").asBoolean()).isTrue();
    JsonNode object = json.at("/files/0/objects/0");
    assertThat(json.at("/files/0/file").asText()).isEqualTo("apps/web.yaml");
    assertThat(object.get("kind").asText()).isEqualTo("Deployment");
    assertThat(object.get("name").asText()).isEqualTo("web");
    assertThat(object.at("/changes/0/oldValue").asText()).isEqualTo("ghcr.io/acme/api:1.0.0");
    assertThat(object.at("/changes/0/newValue").asText()).isEqualTo("ghcr.io/acme/api:2.0.0");
    assertThat(object.at("/changes/0/setter").asText()).isEqualTo("flux-system:api");
    assertThat(json.at("/unknownSetters/0/setter").asText()).isEqualTo("flux-system:gone");
  }

  @Test
  void shouldExitWithThreeAndListFilesThatDoNotParse() throws IOException {
    Files.writeString(dir.resolve("apps/broken.yaml"), "a: [ # {\"$imagepolicy\": \"flux-system:api\"}\n");

    int exit = run(dir.toString(), "--policy", POLICY);

    assertThat(exit).isEqualTo(RewriteCommand.EXIT_PROBLEM_FILES);
    assertThat(out.toString()).contains("Problem files (not parsed, left untouched) (1):\n  apps/broken.yaml: ");
    assertThat(Files.readString(dir.resolve("apps/web.yaml"))).contains("api:2.0.0");
  }

  @Test
  void shouldExitWithTwoOnAMalformedPolicyOrAnEscapingPath() {
    assertThat(run(dir.toString(), "--policy", "flux-system/api=ghcr.io/Acme/api:1")).isEqualTo(2);
    assertThat(err.toString()).contains("policy flux-system/api: invalid image reference");
    assertThat(run(dir.toString(), "--path", "../..", "--policy", POLICY)).isEqualTo(2);
    assertThat(err.toString()).contains("leads outside the repository");
  }

  @Test
  void shouldDocumentTheExitCodesInItsHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Exit codes:", "--dry-run", "--output", "--policy", "--path");
  }
}
