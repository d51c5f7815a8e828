package dev.imageautomation.policy;

import java.util.List;

/**
 * Picks the highest tag that is a version inside a Masterminds/semver range. Tags that are not
 * versions are skipped. Among equal versions ({@code 1.0.0}, {@code v1.0.0}, {@code 1.0.0+b}) the
 * first in store order wins, as Flux keeps the first strictly greater one.
 *
 * @param range the parsed range
 */
public record SemverPolicy(SemverRange range) implements TagPolicy {

  /** Parses {@code range}; an invalid range names the offending token. */
  public static SemverPolicy of(String range) throws InvalidPolicyException {
    return new SemverPolicy(SemverRange.parse(range));
  }

  @Override
  public Selection select(List<String> candidates) {
    if (candidates.isEmpty()) {
      return Selection.NoMatch.noTags();
    }
    SemanticVersion best = null;
    VersionReader reader = new VersionReader();
    for (String candidate : candidates) {
      if (reader.readTag(candidate) && (best == null || reader.compareTo(best) > 0)) {
        SemanticVersion version = reader.toVersion();
        if (range.admits(version)) {
          best = version;
        }
      }
    }
    return best == null
        ? Selection.NoMatch.noneSatisfied(range.text())
        : new Selection.Chosen(best.original());
  }
}
