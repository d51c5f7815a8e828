package dev.imageautomation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The {@code run} subcommand (being built). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("run: not implemented yet");
    return 3;
  }
}
