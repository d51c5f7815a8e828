package dev.imageautomation.policy;

/**
 * The outcome of applying a policy to a repository's tags. Only {@link Chosen} carries a tag; the
 * other two are failures worth retrying when the tags change (Flux: Ready=False, reason {@code
 * Failure}), unlike an {@link InvalidPolicyException}, which needs a spec change.
 */
public sealed interface Selection {

  /** A human-readable line for conditions, events and the {@code select} command. */
  String message();

  /** The policy chose this tag, exactly as stored (not the extracted value). */
  record Chosen(String tag) implements Selection {
    @Override
    public String message() {
      return "selected " + tag;
    }
  }

  /**
   * Nothing to choose: no tags at all, none left after the filter, or none inside the range.
   *
   * @param reason which of those happened
   * @param message Flux's wording first, then what we know beyond it
   */
  record NoMatch(Reason reason, String message) implements Selection {

    /** Why nothing was chosen. */
    public enum Reason {
      /** The tag list was empty. */
      NO_TAGS,
      /** Tags exist but none matched {@code filterTags.pattern}. */
      NONE_PASSED_FILTER,
      /** Candidates exist but none is a version inside the semver range. */
      NONE_SATISFIED
    }

    static NoMatch noTags() {
      return new NoMatch(Reason.NO_TAGS, EMPTY_LIST + ": the repository has no tags");
    }

    static NoMatch nonePassedFilter(String pattern) {
      return new NoMatch(Reason.NONE_PASSED_FILTER,
          EMPTY_LIST + ": no tag matches filter pattern '" + pattern + "'");
    }

    static NoMatch noneSatisfied(String range) {
      return new NoMatch(Reason.NONE_SATISFIED,
          "unable to determine latest version from provided list: no tag is a version within"
              + " range \"" + range + "\"");
    }

    private static final String EMPTY_LIST = "version list argument cannot be empty";
  }

  /**
   * A candidate the policy cannot read, which fails the whole selection (numerical policy: every
   * candidate must be a number, as in Flux).
   *
   * @param tag the offending value as the policy saw it (after extraction)
   * @param message names the value and why it is unusable
   */
  record InvalidTag(String tag, String message) implements Selection {}
}
