package dev.imageautomation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The {@code select} subcommand (being built). */
@Command(name = "select", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class SelectCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("select: not implemented yet");
    return 3;
  }
}
