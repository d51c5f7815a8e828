package dev.imageautomation;

import dev.imageautomation.cli.OperatorCommand;
import dev.imageautomation.cli.RewriteCommand;
import dev.imageautomation.cli.RunCommand;
import dev.imageautomation.cli.SelectCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the single jar: dispatches to a subcommand, {@code operator} when none is given. */
@Command(
    name = "image-automation",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Drop-in replacement for Flux's image-reflector and image-automation controllers.",
    subcommands = {
      OperatorCommand.class,
      SelectCommand.class,
      RewriteCommand.class,
      RunCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; used by {@link #main} and by tests. */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    if (args.length == 0 || args[0].startsWith("-") && !isTopLevelOption(args[0])) {
      return commandLine.execute(prepend("operator", args));
    }
    return commandLine.execute(args);
  }

  private static boolean isTopLevelOption(String arg) {
    return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Override
  public void run() {
    // never reached: execute() routes an empty command line to the operator subcommand
  }
}
