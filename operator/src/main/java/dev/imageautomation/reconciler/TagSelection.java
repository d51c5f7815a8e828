package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ImagePolicySpec;
import java.util.List;

/** The policy side of the ImagePolicy reconcile: which of the stored tags is the latest. */
public interface TagSelection {

  /** Checks the policy and the filter without tags; Stalled InvalidPolicy when either is wrong. */
  void validate(ImagePolicySpec spec) throws ReconcileProblem;

  /**
   * The original tag the policy selects from {@code tags}; Stalled InvalidPolicy for a wrong spec, Failure (retried)
   * when no tag qualifies or a value cannot be compared.
   */
  String latest(ImagePolicySpec spec, List<String> tags) throws ReconcileProblem;
}
