package dev.imageautomation.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * When a cached token is fetched again, one rule for registry credentials and Git provider tokens alike, as Flux's
 * token cache applies it: after 80 % of its lifetime, so a token is never used in its last minutes, and after an
 * hour at the latest (Flux's {@code --token-cache-max-duration} ceiling), so a revoked identity stops working soon.
 */
public final class TokenRefresh {

  /** The longest a token is kept, however long it is valid. */
  public static final Duration MAX_AGE = Duration.ofHours(1);

  private TokenRefresh() {}

  /** The instant to fetch a fresh token, for one fetched at {@code now} that expires at {@code expiresAt}. */
  public static Instant refreshAt(Instant now, Instant expiresAt) {
    Duration lifetime = Duration.between(now, expiresAt);
    if (lifetime.isNegative() || lifetime.isZero()) {
      return now;
    }
    Duration usable = lifetime.multipliedBy(4).dividedBy(5);
    return now.plus(usable.compareTo(MAX_AGE) > 0 ? MAX_AGE : usable);
  }
}
