package dev.imageautomation.cli;

import dev.imageautomation.reconciler.ImageUpdateAutomationReconciler.Outcome;
import dev.imageautomation.reconciler.SourceUpdater;
import dev.imageautomation.setters.PlannedFile;
import java.io.PrintWriter;

/** Prints what one automation did in a {@code run}: the pushed commit, the commit it would make, or the diff. */
final class RunReport {

  private RunReport() {}

  static void print(PrintWriter out, String automation, Outcome outcome, boolean showDiff) {
    if (outcome.result().isEmpty()) {
      return;
    }
    SourceUpdater.UpdateResult result = outcome.result().get();
    out.println("ImageUpdateAutomation " + automation + " (" + result.sourceRevision() + "):");
    result.commit().ifPresent(commit -> {
      out.println("  pushed commit " + commit.sha() + " to branch '" + commit.branch() + "'");
      out.println(indent(commit.message()));
    });
    result.preview().ifPresent(preview -> {
      if (preview.files().isEmpty()) {
        out.println("  no change: the files already hold the selected images");
      } else if (showDiff) {
        preview.files().forEach(file -> out.print(UnifiedDiff.of(file)));
      } else {
        out.println("  would commit (run with --push to push, --dry-run for the diff):");
        out.println(indent(preview.message().orElse("")));
        out.println("  changing " + String.join(", ", preview.files().stream().map(PlannedFile::file).toList()));
      }
    });
    if (result.commit().isEmpty() && result.preview().isEmpty()) {
      out.println("  no change: the files already hold the selected images");
    }
    out.println();
  }

  private static String indent(String text) {
    return text.stripTrailing().lines().map(line -> line.isEmpty() ? "" : "    " + line)
        .reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
