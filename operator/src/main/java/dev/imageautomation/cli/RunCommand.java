package dev.imageautomation.cli;

import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.reconciler.Conditions;
import dev.imageautomation.reconciler.EventRecorder;
import dev.imageautomation.reconciler.ImageUpdateAutomationReconciler.Outcome;
import dev.imageautomation.reconciler.InMemoryCluster;
import dev.imageautomation.reconciler.SourceUpdater;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run -f FILE_OR_DIR… [--dry-run] [--push]}: one pass ImageRepository → ImagePolicy → ImageUpdateAutomation
 * over manifests from files, with no cluster, through the operator's reconcilers.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "One reconcile pass over ImageRepository, ImagePolicy and ImageUpdateAutomation manifests (plus the",
      "GitRepository, Secrets and ServiceAccounts they reference) read from files, with no cluster: scans the",
      "registries, selects the tags, rewrites the marked files in the Git repository and shows the commit it would",
      "make (default), the diff (--dry-run) or pushes it (--push). GitRepository URLs may be local paths or file://",
      "URLs.",
      "Exit status: 0 when every object ends Ready, 1 when one does not, 2 for bad input."
    })
public final class RunCommand implements Callable<Integer> {

  static final int EXIT_READY = 0;
  static final int EXIT_NOT_READY = 1;
  static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  @Option(names = {"-f", "--filename"}, required = true, arity = "1..*", paramLabel = "FILE_OR_DIR",
      description = "Manifest files, or directories searched for *.yaml/*.yml.")
  List<Path> files;

  @Option(names = "--dry-run", description = "Show the diff of the files the automations would change.")
  boolean dryRun;

  @Option(names = "--push", description = "Commit and push the changes (default: only show the commit).")
  boolean push;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (dryRun && push) {
      err.println("run: --dry-run and --push exclude each other");
      return EXIT_USAGE;
    }
    ManifestFiles.Loaded loaded;
    try {
      loaded = ManifestFiles.load(files);
    } catch (IllegalArgumentException | IOException e) {
      err.println("run: " + e.getMessage());
      return EXIT_USAGE;
    }
    loaded.skipped().forEach(line -> err.println("run: skipped " + line));
    return runPass(loaded.cluster(), push ? SourceUpdater.Mode.PUSH : SourceUpdater.Mode.PREVIEW, dryRun, out);
  }

  /** Runs the pass in a scratch directory and prints the statuses and each automation's result. */
  static int runPass(InMemoryCluster cluster, SourceUpdater.Mode mode, boolean showDiff, PrintWriter out) {
    Path scratch = createScratch();
    try {
      Map<String, Outcome> outcomes = LocalRun.pass(cluster, scratch, mode, EventRecorder.NONE);
      StatusTable.repositories(out, cluster.all(ImageRepository.class));
      StatusTable.policies(out, cluster.all(ImagePolicy.class));
      StatusTable.automations(out, cluster.all(ImageUpdateAutomation.class));
      outcomes.forEach((name, outcome) -> RunReport.print(out, name, outcome, showDiff));
      out.flush();
      return allReady(cluster) ? EXIT_READY : EXIT_NOT_READY;
    } finally {
      deleteRecursively(scratch);
    }
  }

  private static boolean allReady(InMemoryCluster cluster) {
    return Stream.of(ImageRepository.class, ImagePolicy.class, ImageUpdateAutomation.class)
        .flatMap(type -> cluster.all(type).stream())
        .allMatch(RunCommand::isReady);
  }

  private static boolean isReady(HasMetadata object) {
    return Conditions.isReady(Conditions.of(object));
  }

  private static Path createScratch() {
    try {
      return Files.createTempDirectory("image-automation-run");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch directory: " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a scratch directory left behind in the temp dir is harmless
    }
  }
}
