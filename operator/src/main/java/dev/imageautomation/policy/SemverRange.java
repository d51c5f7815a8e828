package dev.imageautomation.policy;

import java.util.List;

/**
 * A parsed Masterminds/semver v3 range: alternatives joined by {@code ||}, each a group of
 * constraints that must all hold.
 *
 * @param text the range as written
 * @param groups the {@code ||} alternatives, in order
 */
public record SemverRange(String text, List<ConstraintGroup> groups) {

  public SemverRange {
    groups = List.copyOf(groups);
  }

  /** Parses a range, failing with a message that names the offending token. */
  public static SemverRange parse(String text) throws InvalidPolicyException {
    return new SemverRangeParser(text).parse();
  }

  /** True when some alternative admits the version. */
  public boolean admits(SemanticVersion version) {
    for (ConstraintGroup group : groups) {
      if (group.admits(version)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Constraints joined by AND. A pre-release version is only admitted when one of these
   * constraints itself names a pre-release (Masterminds' group-level rule), whatever its version.
   */
  public static final class ConstraintGroup {
    private final List<VersionConstraint> constraints;
    private final boolean admitsPrereleases;

    ConstraintGroup(List<VersionConstraint> constraints) {
      this.constraints = List.copyOf(constraints);
      this.admitsPrereleases = constraints.stream().anyMatch(c -> c.bound().isPrerelease());
    }

    List<VersionConstraint> constraints() {
      return constraints;
    }

    boolean admits(SemanticVersion version) {
      if (version.isPrerelease() && !admitsPrereleases) {
        return false;
      }
      for (VersionConstraint constraint : constraints) {
        if (!constraint.admits(version)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return constraints.toString();
    }
  }
}
