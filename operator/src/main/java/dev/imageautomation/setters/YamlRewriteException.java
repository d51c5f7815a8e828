package dev.imageautomation.setters;

/**
 * A candidate file the rewriter cannot handle: it does not parse, or a new value would not load back
 * as written. The file is reported and left untouched; the run goes on.
 */
public final class YamlRewriteException extends Exception {
  public YamlRewriteException(String message) {
    super(message);
  }

  public YamlRewriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
