package dev.imageautomation.duration;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations in Go's {@code time.ParseDuration} syntax ({@code 1m30s}, {@code 1.5h},
 * {@code 500ms}): the format of every {@code interval}/{@code timeout} field of the Flux API and of the
 * duration flags Flux users pass to the controllers.
 */
public final class GoDuration {

  private static final Pattern COMPONENT = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
      "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * Parses a Go duration string.
   *
   * @throws IllegalArgumentException with the offending text when the value is not a Go duration or does not fit
   *     in a {@link Duration} of {@code long} nanoseconds (Go's limit too)
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("invalid duration \"\": empty");
    }
    String body = text;
    boolean negative = false;
    if (body.charAt(0) == '-' || body.charAt(0) == '+') {
      negative = body.charAt(0) == '-';
      body = body.substring(1);
    }
    if (body.equals("0")) {
      return Duration.ZERO;
    }
    Duration total = sumComponents(text, body);
    return negative ? total.negated() : total;
  }

  private static Duration sumComponents(String text, String body) {
    Matcher m = COMPONENT.matcher(body);
    BigDecimal nanos = BigDecimal.ZERO;
    int position = 0;
    while (position < body.length()) {
      if (!m.find(position) || m.start() != position || m.group(1).isEmpty() || m.group(1).equals(".")) {
        throw new IllegalArgumentException("invalid duration \"" + text + "\"");
      }
      BigDecimal perUnit = BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2)));
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(perUnit));
      position = m.end();
    }
    try {
      return Duration.ofNanos(nanos.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("invalid duration \"" + text + "\": out of range", e);
    }
  }

  /** Parses {@code text}, or returns {@code fallback} when it is null or empty. */
  public static Duration parseOrDefault(String text, Duration fallback) {
    return text == null || text.isEmpty() ? fallback : parse(text);
  }

  /**
   * Prints a duration the way Go's {@code Duration.String()} does for whole milliseconds and above
   * ({@code 1h0m0s}, {@code 5m0s}, {@code 1.5s}, {@code 500ms}, {@code 0s}).
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    String sign = duration.isNegative() ? "-" : "";
    Duration d = duration.abs();
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return sign + BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString() + "ms";
    }
    long hours = d.toHours();
    int minutes = d.toMinutesPart();
    String seconds = BigDecimal.valueOf(d.toSecondsPart() * 1_000_000_000L + d.toNanosPart(), 9)
        .stripTrailingZeros().toPlainString();
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds + "s";
    }
    return sign + (minutes > 0 ? minutes + "m" : "") + seconds + "s";
  }
}
