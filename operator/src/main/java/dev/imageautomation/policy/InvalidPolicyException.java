package dev.imageautomation.policy;

/**
 * The policy as written can never select anything: a malformed semver range, an unknown order, an
 * invalid filter pattern, or no policy kind at all. Retrying cannot help until the spec changes
 * (Flux reports these as {@code Stalled}, reason {@code InvalidPolicy}).
 */
public final class InvalidPolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidPolicyException(String message) {
    super(message);
  }
}
