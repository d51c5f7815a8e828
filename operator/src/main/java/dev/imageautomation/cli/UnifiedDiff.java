package dev.imageautomation.cli;

import dev.imageautomation.setters.PlannedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * A unified diff (3 lines of context) of one planned file, as {@code git diff} prints it. JGit's diff
 * formatter does the work; the {@code cli} package may use JGit, the {@code setters} package may not.
 */
final class UnifiedDiff {
  private UnifiedDiff() {}

  static String of(PlannedFile file) {
    RawText before = new RawText(file.original());
    RawText after = new RawText(file.rewritten());
    EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
        .diff(RawTextComparator.DEFAULT, before, after);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--- a/" + file.file() + "\n+++ b/" + file.file() + "\n")
        .getBytes(StandardCharsets.UTF_8));
    try (DiffFormatter formatter = new DiffFormatter(out)) {
      formatter.setContext(3);
      formatter.format(edits, before, after);
      formatter.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
