package dev.imageautomation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  static Stream<Arguments> goDurations() {
    return Stream.of(
        Arguments.of("30s", Duration.ofSeconds(30)),
        Arguments.of("1m", Duration.ofMinutes(1)),
        Arguments.of("5m", Duration.ofMinutes(5)),
        Arguments.of("1h30m", Duration.ofMinutes(90)),
        Arguments.of("1.5h", Duration.ofMinutes(90)),
        Arguments.of("750ms", Duration.ofMillis(750)),
        Arguments.of("1m30.5s", Duration.ofMillis(90_500)),
        Arguments.of("0", Duration.ZERO),
        Arguments.of("2h0m0s", Duration.ofHours(2)),
        Arguments.of("10us", Duration.ofNanos(10_000)));
  }

  @ParameterizedTest
  @MethodSource("goDurations")
  void shouldParseLikeGo(String text, Duration expected) {
    assertThat(GoDuration.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "1d", "m", "1m x", "ten seconds", "1.2.3s"})
  void shouldRejectTextThatIsNotAGoDuration(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid duration");
  }
}
