package dev.imageautomation.duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "1m, PT1M",
    "5m, PT5M",
    "1m0s, PT1M",
    "1h30m, PT1H30M",
    "1.5h, PT1H30M",
    "500ms, PT0.5S",
    "90s, PT1M30S",
    "0, PT0S",
    "0s, PT0S",
    "2h45m10.5s, PT2H45M10.5S",
    "1us, PT0.000001S",
    "100ns, PT0.0000001S",
    "-5s, PT-5S",
    "+5s, PT5S",
    "1.m, PT1M",
    "30s, PT30S",
    "750ms, PT0.75S",
    "1m30.5s, PT1M30.5S",
    "2h0m0s, PT2H",
    "10us, PT0.00001S",
    "10µs, PT0.00001S",
  })
  void shouldParseGoDurations(String text, Duration expected) {
    assertThat(GoDuration.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "1", "5", "1d", "m", "1..m", "1m ", " 1m", "1 m", "1M", "5m-1s", ".s", "1m x", "ten seconds", "1.2.3s",
    "9999999999h"
  })
  void shouldRejectWhatGoRejectsAndNameTheValue(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid duration \"" + text + "\"");
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({"PT0S, 0s", "PT5M, 5m0s", "PT1H, 1h0m0s", "PT1.5S, 1.5s", "PT0.5S, 500ms", "PT26H3M4S, 26h3m4s"})
  void shouldPrintLikeGo(Duration duration, String expected) {
    assertThat(GoDuration.format(duration)).isEqualTo(expected);
  }

  @Property
  void shouldReadBackWhatItPrints(@ForAll @LongRange(min = 0, max = 400L * 24 * 3600 * 1000) long millis) {
    Duration duration = Duration.ofMillis(millis);

    assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
  }
}
