package dev.imageautomation.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code time.ParseDuration} syntax ({@code 1m30s}, {@code 750ms}, {@code 1.5h}), which
 * Flux users write in flags. Hand-written because no Java library speaks this syntax; {@code api.v1.GoDuration}
 * parses the same syntax for the API fields, but settings must not depend on the API model (layering).
 */
public final class GoDuration {

  private static final Pattern WHOLE = Pattern.compile("([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * Parses a Go duration; {@code "0"} is zero, a leading sign is allowed as in Go.
   *
   * @throws IllegalArgumentException with the offending text when the syntax is wrong
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("invalid duration \"\": empty");
    }
    String body = text.trim();
    boolean negative = body.startsWith("-");
    if (negative || body.startsWith("+")) {
      body = body.substring(1);
    }
    if (body.equals("0")) {
      return Duration.ZERO;
    }
    Matcher matcher = WHOLE.matcher(body);
    BigDecimal nanos = BigDecimal.ZERO;
    int position = 0;
    while (position < body.length()) {
      if (!matcher.find(position) || matcher.start() != position) {
        throw new IllegalArgumentException("invalid duration \"" + text + "\"");
      }
      BigDecimal amount = new BigDecimal(matcher.group(1).endsWith(".") ? matcher.group(1) + "0" : matcher.group(1));
      nanos = nanos.add(amount.multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(matcher.group(3)))));
      position = matcher.end();
    }
    Duration duration = Duration.ofNanos(nanos.longValue());
    return negative ? duration.negated() : duration;
  }
}
