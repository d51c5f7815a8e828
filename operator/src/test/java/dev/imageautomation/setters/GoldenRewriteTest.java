package dev.imageautomation.setters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.cli.ChangeSetText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden directories: {@code testdata/setters/<case>/original/} is copied, rewritten with the case's
 * {@code values} (or the shared one), and must equal {@code expected/} byte for byte, file by file,
 * including the files that must not change. {@code changes.txt}, when present, is the expected change
 * set as the {@code rewrite} command prints it. A second run must change nothing.
 */
class GoldenRewriteTest {
  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> shouldRewriteEachGoldenCaseToExactlyItsExpectedBytes() throws IOException {
    try (Stream<Path> cases = Files.list(GoldenTrees.BASE)) {
      return cases.filter(dir -> Files.isDirectory(dir.resolve("original")))
          .sorted()
          .toList()
          .stream()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  private void check(Path caseDir) throws IOException {
    Path tree = work.resolve(caseDir.getFileName().toString());
    GoldenTrees.copy(caseDir.resolve("original"), tree);
    Path valuesFile = Files.exists(caseDir.resolve("values"))
        ? caseDir.resolve("values") : GoldenTrees.BASE.resolve("values");
    SetterValues values = GoldenTrees.values(valuesFile);

    ChangeSet changes = TreeRewriter.rewrite(tree, Path.of("."), values);

    assertThat(GoldenTrees.snapshot(tree))
        .as("rewritten tree of %s", caseDir.getFileName())
        .isEqualTo(GoldenTrees.snapshot(caseDir.resolve("expected")));
    Path changesFile = caseDir.resolve("changes.txt");
    if (Files.exists(changesFile)) {
      assertThat(ChangeSetText.render(changes))
          .isEqualTo(Files.readString(changesFile, StandardCharsets.UTF_8));
    }
    ChangeSet again = TreeRewriter.rewrite(tree, Path.of("."), values);
    assertThat(again.files()).as("second run").isEmpty();
    assertThat(GoldenTrees.snapshot(tree)).isEqualTo(GoldenTrees.snapshot(caseDir.resolve("expected")));
  }
}
