package dev.imageautomation.policy;

import java.util.List;

/**
 * An ImagePolicy's whole selection rule, {@code spec.filterTags} then {@code spec.policy}: the one
 * call a reconciler or the {@code select} command makes with a repository's tags.
 *
 * @param filter the tag filter, {@link TagFilter#none()} without {@code filterTags}
 * @param policy the policy applied to the filtered (and extracted) values
 */
public record TagSelector(TagFilter filter, TagPolicy policy) {

  /**
   * Builds the selector for a spec.
   *
   * @param choice {@code spec.policy}
   * @param filter {@code spec.filterTags}, or {@link TagFilter#none()}
   * @throws InvalidPolicyException when the policy is invalid
   */
  public static TagSelector of(PolicyChoice choice, TagFilter filter)
      throws InvalidPolicyException {
    return new TagSelector(filter, TagPolicies.from(choice));
  }

  /**
   * Selects the latest tag.
   *
   * @param tagsInStoreOrder the repository's tags in the order the tag store keeps them; the order
   *     only matters for ties (see {@link SemverPolicy}, {@link NumericalPolicy}, {@link TagFilter})
   * @return the chosen original tag (never the extracted value), or why there is none
   */
  public Selection select(List<String> tagsInStoreOrder) {
    if (tagsInStoreOrder.isEmpty()) {
      return Selection.NoMatch.noTags();
    }
    TagFilter.Candidates candidates = filter.apply(tagsInStoreOrder);
    if (candidates.values().isEmpty()) {
      return Selection.NoMatch.nonePassedFilter(filter.pattern());
    }
    Selection selection = policy.select(candidates.values());
    if (selection instanceof Selection.Chosen chosen) {
      return new Selection.Chosen(candidates.originalOf(chosen.tag()));
    }
    return selection;
  }
}
