package dev.imageautomation.setters;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A setter marker read from a YAML comment: {@code # {"$imagepolicy": "ns:name[:tag|:name|:digest]"}} or
 * the legacy {@code # {"$ref": "#/definitions/io.k8s.cli.setters.ns:name[:suffix]"}}.
 *
 * <p>Grammar (kyaml's {@code fieldmeta.Read}, as Flux uses it): every leading {@code #} is stripped; the
 * rest must be, as a whole, one JSON object with only string values. A non-empty
 * {@code "$imagepolicy"} value wins; otherwise a {@code "$ref"} with the setters prefix is accepted.
 *
 * @param setter the setter name, for example {@code flux-system:podinfo:tag}
 */
public record SetterMarker(String setter) {
  /** The literal Flux requires somewhere in a file before it parses it. */
  public static final String SHORTHAND_KEY = "$imagepolicy";

  /** The prefix of a legacy {@code $ref} marker; also used to pre-screen files. */
  public static final String LEGACY_REF_PREFIX = "#/definitions/io.k8s.cli.setters.";

  private static final String LEGACY_REF_KEY = "$ref";

  public SetterMarker {
    Objects.requireNonNull(setter, "setter");
  }

  /**
   * Reads a marker from one comment.
   *
   * @param comment the comment text starting at its first {@code #}, without the line break
   * @return the marker, or empty when the comment is not one
   */
  public static Optional<SetterMarker> fromComment(String comment) {
    int start = 0;
    while (start < comment.length() && comment.charAt(start) == '#') {
      start++;
    }
    return JsonStringObject.parse(comment.substring(start)).flatMap(SetterMarker::fromJson);
  }

  private static Optional<SetterMarker> fromJson(Map<String, String> object) {
    String shorthand = object.get(SHORTHAND_KEY);
    if (shorthand != null && !shorthand.isEmpty()) {
      return Optional.of(new SetterMarker(shorthand));
    }
    String ref = object.get(LEGACY_REF_KEY);
    if (ref != null && ref.startsWith(LEGACY_REF_PREFIX) && ref.length() > LEGACY_REF_PREFIX.length()) {
      return Optional.of(new SetterMarker(ref.substring(LEGACY_REF_PREFIX.length())));
    }
    return Optional.empty();
  }
}
