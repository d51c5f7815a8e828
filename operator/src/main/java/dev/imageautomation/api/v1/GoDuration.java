package dev.imageautomation.api.v1;

import java.time.Duration;

/**
 * Go durations as the API fields use them: the CRD patterns of {@code interval}/{@code timeout} fields, and
 * parsing/printing by the one implementation in {@link dev.imageautomation.duration.GoDuration} (shared with
 * {@code config}, which may not import this package).
 */
public final class GoDuration {

  /** The CRD pattern of {@code interval} fields. */
  public static final String INTERVAL_PATTERN = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

  /** The CRD pattern of ImageRepository {@code timeout} (no hours, as in Flux). */
  public static final String TIMEOUT_PATTERN = "^([0-9]+(\\.[0-9]+)?(ms|s|m))+$";

  private GoDuration() {}

  /**
   * Parses a Go duration string.
   *
   * @throws IllegalArgumentException with the offending text when the value is not a Go duration
   */
  public static Duration parse(String text) {
    return dev.imageautomation.duration.GoDuration.parse(text);
  }

  /** Parses {@code text}, or returns {@code fallback} when it is null or empty. */
  public static Duration parseOrDefault(String text, Duration fallback) {
    return dev.imageautomation.duration.GoDuration.parseOrDefault(text, fallback);
  }

  /** Prints a duration the way Go's {@code Duration.String()} does for whole milliseconds and above. */
  public static String format(Duration duration) {
    return dev.imageautomation.duration.GoDuration.format(duration);
  }
}
