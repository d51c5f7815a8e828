package dev.imageautomation.setters;

/**
 * The update path is unusable: absolute, escaping the checkout with {@code ..} or through a symlink, or
 * missing. A specification error: retrying without a change will not help.
 */
public final class InvalidUpdatePathException extends IllegalArgumentException {
  public InvalidUpdatePathException(String message) {
    super(message);
  }
}
