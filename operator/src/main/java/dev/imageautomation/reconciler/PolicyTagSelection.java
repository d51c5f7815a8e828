package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.FilterTags;
import dev.imageautomation.api.v1.ImagePolicyChoice;
import dev.imageautomation.api.v1.ImagePolicySpec;
import dev.imageautomation.policy.InvalidPolicyException;
import dev.imageautomation.policy.PolicyChoice;
import dev.imageautomation.policy.Selection;
import dev.imageautomation.policy.TagFilter;
import dev.imageautomation.policy.TagSelector;
import java.util.List;

/** {@link TagSelection} on the policy engine: translates {@code spec.policy}/{@code spec.filterTags}. */
public final class PolicyTagSelection implements TagSelection {

  @Override
  public void validate(ImagePolicySpec spec) throws ReconcileProblem {
    selectorOf(spec);
  }

  @Override
  public String latest(ImagePolicySpec spec, List<String> tags) throws ReconcileProblem {
    Selection selection = selectorOf(spec).select(tags);
    if (selection instanceof Selection.Chosen chosen) {
      return chosen.tag();
    }
    throw ReconcileProblem.retry(ConditionReasons.FAILURE, selection.message());
  }

  private static TagSelector selectorOf(ImagePolicySpec spec) throws ReconcileProblem {
    try {
      return TagSelector.of(choiceOf(spec.getPolicy()), filterOf(spec.getFilterTags()));
    } catch (InvalidPolicyException e) {
      throw ReconcileProblem.stalled(ConditionReasons.INVALID_POLICY, e.getMessage());
    }
  }

  private static PolicyChoice choiceOf(ImagePolicyChoice policy) {
    if (policy == null) {
      return new PolicyChoice(null, null, null);
    }
    return new PolicyChoice(
        policy.getSemver() == null ? null : nullToEmpty(policy.getSemver().getRange()),
        policy.getAlphabetical() == null ? null : orderOf(policy.getAlphabetical().getOrder()),
        policy.getNumerical() == null ? null : orderOf(policy.getNumerical().getOrder()));
  }

  private static TagFilter filterOf(FilterTags filterTags) throws InvalidPolicyException {
    if (filterTags == null) {
      return TagFilter.none();
    }
    return TagFilter.compile(nullToEmpty(filterTags.getPattern()), nullToEmpty(filterTags.getExtract()));
  }

  private static String orderOf(dev.imageautomation.api.v1.SortOrder order) {
    return order == null ? "" : order.value();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
