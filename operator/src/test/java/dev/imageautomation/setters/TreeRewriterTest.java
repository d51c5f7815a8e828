package dev.imageautomation.setters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeRewriterTest {
  private static final String MARKED =
      "image: ghcr.io/acme/api:1.0.0 # {\"$imagepolicy\": \"flux-system:api\"}\n";
  private static final String REWRITTEN =
      "image: ghcr.io/acme/api:2.0.0 # {\"$imagepolicy\": \"flux-system:api\"}\n";
  private static final SetterValues VALUES =
      SetterValues.builder().policy("flux-system/api=ghcr.io/acme/api:2.0.0").build();

  @TempDir Path temp;

  private Path root() throws IOException {
    return Files.createDirectories(temp.resolve("repo"));
  }

  private Path outside() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("target.yaml"), MARKED);
    return outside;
  }

  @Test
  void shouldRejectAnUpdatePathEscapingTheRootWithDotDot() throws IOException {
    Path root = root();
    outside();
    assertThatThrownBy(() -> TreeRewriter.rewrite(root, Path.of("../outside"), VALUES))
        .isInstanceOf(InvalidUpdatePathException.class)
        .hasMessageContaining("leads outside the repository");
    assertThatThrownBy(() -> TreeRewriter.rewrite(root, Path.of("apps/../../outside"), VALUES))
        .isInstanceOf(InvalidUpdatePathException.class);
    assertThat(Files.readString(temp.resolve("outside/target.yaml"))).isEqualTo(MARKED);
  }

  @Test
  void shouldRejectAnAbsoluteOrMissingUpdatePath() throws IOException {
    Path root = root();
    assertThatThrownBy(() -> TreeRewriter.rewrite(root, outside().toAbsolutePath(), VALUES))
        .isInstanceOf(InvalidUpdatePathException.class)
        .hasMessageContaining("must be relative");
    assertThatThrownBy(() -> TreeRewriter.rewrite(root, Path.of("missing"), VALUES))
        .isInstanceOf(InvalidUpdatePathException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void shouldRejectAnUpdatePathThatLeadsOutsideThroughASymlink() throws IOException {
    Path root = root();
    Files.createSymbolicLink(root.resolve("apps"), outside());
    assertThatThrownBy(() -> TreeRewriter.rewrite(root, Path.of("apps"), VALUES))
        .isInstanceOf(InvalidUpdatePathException.class)
        .hasMessageContaining("through a symlink");
    assertThat(Files.readString(temp.resolve("outside/target.yaml"))).isEqualTo(MARKED);
  }

  @Test
  void shouldNeitherReadNorWriteASymlinkedFileLeadingOutsideAndShouldReportIt() throws IOException {
    Path root = root();
    Files.createSymbolicLink(root.resolve("evil.yaml"), outside().resolve("target.yaml"));

    ChangeSet changes = TreeRewriter.rewrite(root, Path.of("."), VALUES);

    assertThat(changes.isEmpty()).isTrue();
    assertThat(changes.skippedFiles()).containsExactly(
        new FileReport("evil.yaml", "symlink leads outside the repository; not followed"));
    assertThat(Files.readString(temp.resolve("outside/target.yaml"))).isEqualTo(MARKED);
  }

  @Test
  void shouldSkipADanglingSymlinkWithoutFailingTheRun() throws IOException {
    Path root = root();
    Files.createSymbolicLink(root.resolve("test.yaml"), Path.of("testing.yaml"));
    Files.writeString(root.resolve("marked.yaml"), MARKED);

    ChangeSet changes = TreeRewriter.rewrite(root, Path.of("."), VALUES);

    assertThat(changes.files()).extracting(FileChange::file).containsExactly("marked.yaml");
    assertThat(changes.skippedFiles()).extracting(FileReport::file).containsExactly("test.yaml");
  }

  @Test
  void shouldWriteThroughASymlinkInsideTheRootAndRecordBothPathsAsFluxDoes() throws IOException {
    Path root = root();
    Files.writeString(root.resolve("real.yaml"), MARKED);
    Files.createSymbolicLink(root.resolve("link.yaml"), Path.of("real.yaml"));

    ChangeSet changes = TreeRewriter.rewrite(root, Path.of("."), VALUES);

    assertThat(changes.files()).extracting(FileChange::file).containsExactly("link.yaml", "real.yaml");
    assertThat(Files.isSymbolicLink(root.resolve("link.yaml"))).isTrue();
    assertThat(Files.readString(root.resolve("real.yaml"))).isEqualTo(REWRITTEN);
  }

  @Test
  void shouldNotEnterSymlinkedDirectories() throws IOException {
    Path root = root();
    Files.createDirectories(root.resolve("real"));
    Files.writeString(root.resolve("real/a.yaml"), MARKED);
    Files.createSymbolicLink(root.resolve("linked"), Path.of("real"));

    ChangeSet changes = TreeRewriter.rewrite(root, Path.of("."), VALUES);

    assertThat(changes.files()).extracting(FileChange::file).containsExactly("real/a.yaml");
  }

  @Test
  void shouldSkipTheGitDirectory() throws IOException {
    Path root = root();
    Files.createDirectories(root.resolve(".git/refs"));
    Files.writeString(root.resolve(".git/refs/marked.yaml"), MARKED);

    ChangeSet changes = TreeRewriter.rewrite(root, Path.of("."), VALUES);

    assertThat(changes.isEmpty()).isTrue();
    assertThat(Files.readString(root.resolve(".git/refs/marked.yaml"))).isEqualTo(MARKED);
  }

  @Test
  void shouldOnlyRewriteUnderTheUpdatePathAndNameFilesRelativeToIt() throws IOException {
    Path root = root();
    Files.createDirectories(root.resolve("yes/deploy"));
    Files.createDirectories(root.resolve("no"));
    Files.writeString(root.resolve("yes/deploy/app.yaml"), MARKED);
    Files.writeString(root.resolve("no/deploy.yaml"), MARKED);

    ChangeSet changes = TreeRewriter.rewrite(root, Path.of("./yes"), VALUES);

    assertThat(changes.files()).extracting(FileChange::file).containsExactly("deploy/app.yaml");
    assertThat(Files.readString(root.resolve("yes/deploy/app.yaml"))).isEqualTo(REWRITTEN);
    assertThat(Files.readString(root.resolve("no/deploy.yaml"))).isEqualTo(MARKED);
  }

  @Test
  void shouldKeepPermissionsAndLeaveUnchangedFilesUnwritten() throws IOException {
    Path root = root();
    Path changed = Files.writeString(root.resolve("changed.yaml"), MARKED);
    Files.setPosixFilePermissions(changed, PosixFilePermissions.fromString("rw-r-----"));
    Path same = Files.writeString(root.resolve("same.yaml"), REWRITTEN);
    Object sameInode = Files.readAttributes(same, "unix:ino").get("ino");
    Files.setLastModifiedTime(same, java.nio.file.attribute.FileTime.fromMillis(0));

    TreeRewriter.rewrite(root, Path.of(""), VALUES);

    assertThat(Files.readString(changed)).isEqualTo(REWRITTEN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(changed)))
        .isEqualTo("rw-r-----");
    assertThat(Files.readAttributes(same, "unix:ino").get("ino")).isEqualTo(sameInode);
    assertThat(Files.getLastModifiedTime(same).toMillis()).isZero();
    try (var files = Files.list(root)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file left behind")
          .containsExactlyInAnyOrder("changed.yaml", "same.yaml");
    }
  }

  @Test
  void shouldWriteNothingWhenOnlyPlanning() throws IOException {
    Path root = root();
    Files.writeString(root.resolve("a.yaml"), MARKED);

    RewritePlan plan = TreeRewriter.plan(root, Path.of("."), VALUES);

    assertThat(plan.files()).singleElement()
        .satisfies(f -> assertThat(new String(f.rewritten())).isEqualTo(REWRITTEN));
    assertThat(Files.readString(root.resolve("a.yaml"))).isEqualTo(MARKED);
    plan.apply();
    assertThat(Files.readString(root.resolve("a.yaml"))).isEqualTo(REWRITTEN);
  }

  @Test
  void shouldParseOnlyCandidatesThatContainTheMarkerToken() throws IOException {
    Path root = root();
    Files.writeString(root.resolve("a.yaml"), MARKED);
    Files.writeString(root.resolve("b.yml"), "image: x # $imagepolicy without quotes\n");
    Files.writeString(root.resolve("Kustomization"), "resources: []\n");
    Files.writeString(root.resolve("c.json"), MARKED);

    RewritePlan plan = TreeRewriter.plan(root, Path.of("."), VALUES);

    assertThat(plan.candidates()).isEqualTo(3);
    assertThat(plan.parsed()).isEqualTo(1);
  }
}
