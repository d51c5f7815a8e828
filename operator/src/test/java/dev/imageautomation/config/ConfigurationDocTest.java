package dev.imageautomation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is generated from {@link OperatorSetting}; this test fails when they drift. Run it
 * with {@code -Dregenerate.docs=true} to rewrite the page.
 */
class ConfigurationDocTest {

  private static final Path PAGE = Path.of("..", "docs", "configuration.md");

  @Test
  void shouldDocumentEverySettingAsTheEnumDeclaresIt() throws IOException {
    String expected = render();
    if (Boolean.getBoolean("regenerate.docs")) {
      Files.writeString(PAGE, expected);
    }
    assertThat(Files.readString(PAGE)).isEqualTo(expected);
  }

  static String render() {
    StringBuilder page = new StringBuilder("""
        # Configuration

        <!-- Generated from OperatorSetting by ConfigurationDocTest (-Dregenerate.docs=true); do not edit. -->

        Every setting of `image-automation operator` is a flag named as in Flux's controllers, or the environment
        variable shown; a flag wins over the variable, which wins over the default. Durations use Go's syntax
        (`750ms`, `30s`, `1m30s`). Switches accept `--flag`, `--flag=true` and `--flag=false`.

        | Flag | Environment variable | Default | Meaning |
        |---|---|---|---|
        """);
    for (OperatorSetting setting : OperatorSetting.values()) {
      page.append("| `").append(setting.flag()).append("` | `").append(setting.environmentVariable())
          .append("` | ").append(setting.defaultValue().isEmpty() ? "(none)" : "`" + setting.defaultValue() + "`")
          .append(" | ").append(setting.description().replace("|", "\\|")).append(" |\n");
    }
    return page.toString();
  }
}
