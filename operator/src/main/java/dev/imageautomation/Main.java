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

  /** The JDK's switch for Basic credentials on HTTPS proxy tunnels (see {@link #allowBasicAuthForProxyTunnels}). */
  static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

  public static void main(String[] args) {
    allowBasicAuthForProxyTunnels();
    System.exit(execute(args));
  }

  /**
   * A GitRepository's {@code proxySecretRef} may carry a user and password, which Flux sends to the proxy for
   * HTTPS repositories too. JGit's HTTP transport is {@code HttpURLConnection}, which refuses Basic credentials for
   * the CONNECT of an HTTPS tunnel unless this JVM-wide property is cleared before its first use; nothing else can
   * lift that. Clearing it gives no credential to anyone new: the git engine answers proxy challenges per connection,
   * only for the proxy of that repository. An operator who set the property explicitly keeps their value.
   */
  static void allowBasicAuthForProxyTunnels() {
    if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
      System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
    }
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
