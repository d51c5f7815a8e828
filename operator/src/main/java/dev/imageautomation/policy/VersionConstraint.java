package dev.imageautomation.policy;

/**
 * One comparison inside a semver range, such as {@code >=1.2} or {@code ~1.x}.
 *
 * @param operator the comparison
 * @param bound the version written in the constraint, with wildcard and missing parts set to 0
 * @param wildcard which part, if any, was a wildcard or missing; it changes several operators
 * @param text the constraint as written, for messages
 */
record VersionConstraint(
    ConstraintOperator operator, SemanticVersion bound, Wildcard wildcard, String text) {

  /** Where the constraint's version stopped being exact. */
  enum Wildcard {
    /** {@code 1.2.3}: exact. */
    NONE,
    /** {@code x}, {@code *}, {@code x.2.3}: nothing is fixed (Masterminds "dirty" only). */
    MAJOR,
    /** {@code 1}, {@code 1.x}: only the major is fixed. */
    MINOR,
    /** {@code 1.2}, {@code 1.2.x}: major and minor are fixed. */
    PATCH
  }

  boolean admits(SemanticVersion version) {
    return operator.admits(version, this);
  }

  boolean isWildcard() {
    return wildcard != Wildcard.NONE;
  }

  @Override
  public String toString() {
    return text;
  }
}
