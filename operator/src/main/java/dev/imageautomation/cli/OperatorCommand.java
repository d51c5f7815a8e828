package dev.imageautomation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The {@code operator} subcommand (being built). */
@Command(name = "operator", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class OperatorCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("operator: not implemented yet");
    return 3;
  }
}
