package dev.imageautomation.setters;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The image an ImagePolicy selected ({@code status.latestRef}): repository name, tag and optional digest.
 *
 * <p>Validated like go-containerregistry's weak validation, because Flux refuses the whole run when one
 * policy's reference is invalid: repository of lower-case letters, digits and {@code _-./} (2 to 255
 * characters) after an optional registry host, a tag of word characters, dots and dashes (1 to 128, not
 * starting with {@code .} or {@code -}), a {@code sha256:} digest of 64 hex digits.
 *
 * @param name repository name as stored in the policy (registry host and port kept, no normalisation)
 * @param tag the tag
 * @param digest the digest, or empty when the policy does not reflect digests
 */
public record PolicyImage(String name, String tag, String digest) {
  private static final Pattern REGISTRY =
      Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:]+])(?::[0-9]+)?");
  private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9_./-]{2,255}");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  public PolicyImage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    String problem = problem(name, tag, digest);
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid image reference '" + render(name, tag, digest) + "': " + problem);
    }
  }

  /** Parses {@code name:tag[@digest]}. */
  public static PolicyImage parse(String reference) {
    String digest = "";
    String rest = reference;
    int at = reference.indexOf('@');
    if (at >= 0) {
      digest = reference.substring(at + 1);
      rest = reference.substring(0, at);
    }
    int colon = rest.lastIndexOf(':');
    if (colon < 0 || colon < rest.lastIndexOf('/')) {
      throw new IllegalArgumentException(
          "invalid image reference '" + reference + "': a tag is required (name:tag[@digest])");
    }
    return new PolicyImage(rest.substring(0, colon), rest.substring(colon + 1), digest);
  }

  /** The full reference the plain setter writes: {@code name:tag}, plus {@code @digest} when known. */
  public String fullReference() {
    return render(name, tag, digest);
  }

  private static String render(String name, String tag, String digest) {
    return name + ":" + tag + (digest.isEmpty() ? "" : "@" + digest);
  }

  private static String problem(String name, String tag, String digest) {
    if (!TAG.matcher(tag).matches()) {
      return tag.isEmpty() ? "the tag is empty" : "the tag '" + tag + "' is not valid";
    }
    if (!digest.isEmpty() && !DIGEST.matcher(digest).matches()) {
      return "the digest must be sha256: followed by 64 lower-case hex digits";
    }
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasRegistry =
        first.contains(".") || first.contains(":") || first.equals("localhost");
    if (hasRegistry && !REGISTRY.matcher(first).matches()) {
      return "the registry '" + first + "' is not a host name";
    }
    String repository = hasRegistry ? name.substring(slash + 1) : name;
    if (!REPOSITORY.matcher(repository).matches()) {
      return "the repository '" + repository
          + "' must be 2 to 255 lower-case letters, digits or _-./";
    }
    return null;
  }
}
