package dev.imageautomation.cli;

import dev.imageautomation.policy.InvalidPolicyException;
import dev.imageautomation.policy.Selection;
import dev.imageautomation.policy.TagSelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code select}: applies an ImagePolicy manifest's policy and tag filter to a list of tags and
 * prints the tag the operator would put in {@code status.latestRef.tag}. The tags are taken in the
 * order given, which is the order the tag store keeps (the order the registry listed them).
 */
@Command(
    name = "select",
    mixinStandardHelpOptions = true,
    description = {
      "Print the tag an ImagePolicy would select from a list of tags.",
      "Exit status: 0 a tag was chosen, 1 no tag could be chosen, 2 invalid policy or input."
    })
public final class SelectCommand implements Callable<Integer> {
  static final int CHOSEN = 0;
  static final int NONE_CHOSEN = 1;
  static final int INVALID = 2;

  @Spec private CommandSpec spec;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "FILE",
      description = "ImagePolicy manifest (YAML); spec.policy and spec.filterTags are used.")
  private Path policyFile;

  @Option(
      names = "--tags",
      paramLabel = "FILE",
      defaultValue = "-",
      description = "Tags, one per line, in store order; '-' (the default) reads standard input.")
  private String tagsFile;

  private final Supplier<InputStream> stdin;

  public SelectCommand() {
    this(() -> System.in);
  }

  SelectCommand(Supplier<InputStream> stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    TagSelector selector;
    List<String> tags;
    try {
      ImagePolicyManifest manifest = ImagePolicyManifest.parse(readPolicy());
      selector = TagSelector.of(manifest.choice(), manifest.filter());
      tags = readTags();
    } catch (InvalidPolicyException | IOException e) {
      err.println("select: " + e.getMessage());
      err.flush();
      return INVALID;
    }
    Selection selection = selector.select(tags);
    if (selection instanceof Selection.Chosen chosen) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(chosen.tag());
      out.flush();
      return CHOSEN;
    }
    err.println("select: " + selection.message());
    err.flush();
    return NONE_CHOSEN;
  }

  private String readPolicy() throws IOException {
    try {
      return Files.readString(policyFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cannot read policy file " + policyFile + ": " + e.getMessage(), e);
    }
  }

  /** One tag per line; surrounding whitespace and blank lines are ignored (tags have none). */
  private List<String> readTags() throws IOException {
    String text;
    if (tagsFile.equals("-")) {
      text = new String(stdin.get().readAllBytes(), StandardCharsets.UTF_8);
    } else {
      try {
        text = Files.readString(Path.of(tagsFile), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IOException("cannot read tags file " + tagsFile + ": " + e.getMessage(), e);
      }
    }
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
