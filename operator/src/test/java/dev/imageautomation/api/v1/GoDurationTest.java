package dev.imageautomation.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class GoDurationTest {

  @Property
  void shouldOnlyPrintWhatTheIntervalPatternAccepts(@ForAll @LongRange(min = 1, max = 100_000_000L) long millis) {
    assertThat(GoDuration.format(Duration.ofMillis(millis))).matches(GoDuration.INTERVAL_PATTERN);
  }
}
