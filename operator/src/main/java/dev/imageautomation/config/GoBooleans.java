package dev.imageautomation.config;

import java.util.Locale;
import java.util.Optional;

/** Booleans as Flux's flags read them (Go's {@code strconv.ParseBool}): one rule for switches and feature gates. */
final class GoBooleans {

  private GoBooleans() {}

  /** {@code true}, {@code 1}, {@code t} / {@code false}, {@code 0}, {@code f} in any case; empty otherwise. */
  static Optional<Boolean> parse(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "t" -> Optional.of(true);
      case "false", "0", "f" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
