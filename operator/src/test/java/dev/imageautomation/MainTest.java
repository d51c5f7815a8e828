package dev.imageautomation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void shouldListEverySubcommandInHelp() {
    String help = captureStdout(() -> assertThat(Main.execute("--help")).isZero());
    assertThat(help).contains("operator", "select", "rewrite", "run");
  }

  @Test
  void shouldAllowBasicProxyCredentialsForHttpsTunnelsUnlessTheOperatorChoseOtherwise() {
    String before = System.getProperty(Main.TUNNELING_DISABLED_SCHEMES);
    try {
      System.clearProperty(Main.TUNNELING_DISABLED_SCHEMES);
      Main.allowBasicAuthForProxyTunnels();
      assertThat(System.getProperty(Main.TUNNELING_DISABLED_SCHEMES)).isEmpty();

      System.setProperty(Main.TUNNELING_DISABLED_SCHEMES, "Basic,Digest");
      Main.allowBasicAuthForProxyTunnels();
      assertThat(System.getProperty(Main.TUNNELING_DISABLED_SCHEMES)).isEqualTo("Basic,Digest");
    } finally {
      if (before == null) {
        System.clearProperty(Main.TUNNELING_DISABLED_SCHEMES);
      } else {
        System.setProperty(Main.TUNNELING_DISABLED_SCHEMES, before);
      }
    }
  }

  static String captureStdout(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
