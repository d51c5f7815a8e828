package dev.imageautomation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The {@code rewrite} subcommand (being built). */
@Command(name = "rewrite", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class RewriteCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("rewrite: not implemented yet");
    return 3;
  }
}
