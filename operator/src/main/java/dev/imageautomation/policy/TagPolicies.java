package dev.imageautomation.policy;

/** Builds the {@link TagPolicy} a {@link PolicyChoice} asks for (Flux's {@code PolicerFromSpec}). */
public final class TagPolicies {
  private TagPolicies() {}

  /**
   * The policy for {@code choice}; semver takes precedence over alphabetical, then numerical.
   *
   * @throws InvalidPolicyException when no kind is set, the range is malformed or the order unknown;
   *     the message starts with {@code invalid policy: } like Flux's condition message
   */
  public static TagPolicy from(PolicyChoice choice) throws InvalidPolicyException {
    try {
      if (choice.semverRange() != null) {
        return SemverPolicy.of(choice.semverRange());
      }
      if (choice.alphabeticalOrder() != null) {
        return new AlphabeticalPolicy(SortOrder.parse(choice.alphabeticalOrder()));
      }
      if (choice.numericalOrder() != null) {
        return new NumericalPolicy(SortOrder.parse(choice.numericalOrder()));
      }
      throw new InvalidPolicyException("given ImagePolicyChoice object is invalid");
    } catch (InvalidPolicyException e) {
      throw new InvalidPolicyException("invalid policy: " + e.getMessage());
    }
  }
}
