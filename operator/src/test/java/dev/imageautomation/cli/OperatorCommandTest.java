package dev.imageautomation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.Main;
import dev.imageautomation.config.OperatorSetting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OperatorCommandTest {

  @Test
  void shouldListEveryFluxFlagWithItsEnvironmentVariableAndDefaultInHelp() {
    String help = stdoutOf("operator", "--help");

    for (OperatorSetting setting : OperatorSetting.values()) {
      assertThat(help).contains(setting.flag()).contains(setting.environmentVariable());
    }
    assertThat(help).contains("Default: 4.", "Default: :8080.", "Default: true.");
  }

  @Test
  void shouldRefuseAFlagValueThatDoesNotParseNamingTheFlag() {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.execute("operator", "--concurrent=lots");
    } finally {
      System.setErr(original);
    }

    assertThat(exit).isEqualTo(2);
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("--concurrent").contains("lots");
  }

  private static String stdoutOf(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.execute(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
