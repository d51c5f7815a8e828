package dev.imageautomation.cli;

import dev.imageautomation.setters.ChangeSet;
import dev.imageautomation.setters.InvalidUpdatePathException;
import dev.imageautomation.setters.RewritePlan;
import dev.imageautomation.setters.SetterValues;
import dev.imageautomation.setters.TreeRewriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code rewrite} subcommand: the setter rewriter on a local directory, without Kubernetes or git.
 * Useful to try markers before committing them, and in CI to check what an automation would change.
 */
@Command(
    name = "rewrite",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrite the values marked with # {\"$imagepolicy\": \"NAMESPACE:NAME[:tag|:name|:digest]\"}"
          + " under DIR, changing only the marked values' characters.",
      "Prints the change set, markers naming unknown policies, and files that could not be parsed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Done (whether or not anything changed); every candidate file parsed.",
      "1:A file could not be read or written.",
      "2:Bad usage: unknown option, malformed --policy, invalid image reference, or an update path"
          + " that is absolute, missing, or leads outside DIR.",
      "3:Done, but some candidate files could not be parsed; they were left untouched and are listed."
    })
public final class RewriteCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_IO = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_PROBLEM_FILES = 3;

  /** Output formats. */
  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The repository checkout (root).")
  Path directory;

  @Option(names = "--path", paramLabel = "PATH", defaultValue = ".",
      description = "The update path, relative to DIR (default: ${DEFAULT-VALUE}).")
  String updatePath;

  @Option(names = "--policy", paramLabel = "NS/NAME=IMAGE:TAG[@DIGEST]",
      description = "A policy's latest image; repeat for each policy.")
  List<String> policies = new ArrayList<>();

  @Option(names = "--dry-run",
      description = "Write nothing; print a unified diff of what would change.")
  boolean dryRun;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SetterValues values;
    try {
      SetterValues.Builder builder = SetterValues.builder();
      policies.forEach(builder::policy);
      values = builder.build();
    } catch (IllegalArgumentException e) {
      err.println("rewrite: " + e.getMessage());
      return EXIT_USAGE;
    }
    try {
      RewritePlan plan = TreeRewriter.plan(directory, Path.of(updatePath), values);
      ChangeSet changes = dryRun ? plan.changeSet() : plan.apply();
      if (dryRun && output == Format.text) {
        plan.files().forEach(file -> out.print(UnifiedDiff.of(file)));
      }
      out.print(output == Format.json
          ? ChangeSetJson.render(changes, dryRun)
          : ChangeSetText.render(changes));
      out.flush();
      return changes.problemFiles().isEmpty() ? EXIT_OK : EXIT_PROBLEM_FILES;
    } catch (InvalidUpdatePathException e) {
      err.println("rewrite: " + e.getMessage());
      return EXIT_USAGE;
    } catch (IOException e) {
      err.println("rewrite: " + e);
      return EXIT_IO;
    }
  }
}
