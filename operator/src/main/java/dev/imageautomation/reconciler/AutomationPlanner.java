package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.CrossNamespaceSourceReference;
import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.api.v1.ImageUpdateAutomationSpec;
import dev.imageautomation.api.v1.SourceKind;
import dev.imageautomation.api.v1.UpdateStrategyName;
import java.util.Comparator;
import java.util.List;

/**
 * Turns an ImageUpdateAutomation into an {@link SourceUpdater.UpdatePlan}: checks the spec (wrong specs stall with
 * Flux's reasons), resolves the GitRepository (cross-namespace unless {@code --no-cross-namespace-refs}), selects
 * the policies of the automation's namespace with {@code policySelector} and infers the push branch.
 */
final class AutomationPlanner {

  private final ClusterReader cluster;
  private final boolean noCrossNamespaceRefs;

  AutomationPlanner(ClusterReader cluster, boolean noCrossNamespaceRefs) {
    this.cluster = cluster;
    this.noCrossNamespaceRefs = noCrossNamespaceRefs;
  }

  SourceUpdater.UpdatePlan plan(ImageUpdateAutomation automation, SourceUpdater.Mode mode) throws ReconcileProblem {
    ImageUpdateAutomationSpec spec = automation.getSpec();
    checkSpec(spec);
    GitRepository source = sourceOf(automation);
    String pushBranch = spec.getGit().effectivePushBranch(source.getSpec().getRef())
        .orElseThrow(() -> ReconcileProblem.retry(ConditionReasons.SOURCE_MANAGER_FAILED,
            "failed configuring source manager: push spec not provided, and cannot be inferred from "
                + ".spec.git.checkout.ref or GitRepository .spec.ref"));
    return new SourceUpdater.UpdatePlan(automation, source, selectedPolicies(automation), pushBranch, mode);
  }

  /** The automation's namespace's policies that match {@code policySelector} and have selected an image. */
  List<ImagePolicy> selectedPolicies(ImageUpdateAutomation automation) {
    return cluster.imagePolicies(automation.getMetadata().getNamespace()).stream()
        .filter(p -> LabelSelectors.matches(automation.getSpec().getPolicySelector(), p.getMetadata().getLabels()))
        .filter(p -> p.getStatus() != null && p.getStatus().getLatestRef() != null)
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .toList();
  }

  private static void checkSpec(ImageUpdateAutomationSpec spec) throws ReconcileProblem {
    if (spec.getSourceRef() == null || spec.getSourceRef().getKind() != SourceKind.GIT_REPOSITORY) {
      throw ReconcileProblem.stalled(ConditionReasons.INVALID_SOURCE_CONFIGURATION,
          "invalid source kind: only 'GitRepository' is supported");
    }
    if (spec.getGit() == null) {
      throw ReconcileProblem.stalled(ConditionReasons.INVALID_SOURCE_CONFIGURATION,
          "source kind 'GitRepository' necessitates field .spec.git");
    }
    String selectorProblem = LabelSelectors.problemWith(spec.getPolicySelector());
    if (selectorProblem != null) {
      throw ReconcileProblem.stalled(ConditionReasons.INVALID_POLICY_SELECTOR,
          "failed to parse policy selector: " + selectorProblem);
    }
    if (spec.getUpdate() == null || spec.getUpdate().effectiveStrategy() != UpdateStrategyName.SETTERS) {
      throw ReconcileProblem.stalled(ConditionReasons.INVALID_UPDATE_STRATEGY,
          "unsupported update strategy: only 'Setters' is supported");
    }
  }

  private GitRepository sourceOf(ImageUpdateAutomation automation) throws ReconcileProblem {
    CrossNamespaceSourceReference ref = automation.getSpec().getSourceRef();
    String ownNamespace = automation.getMetadata().getNamespace();
    String namespace = ref.namespaceOr(ownNamespace);
    if (noCrossNamespaceRefs && !namespace.equals(ownNamespace)) {
      throw ReconcileProblem.stalled(ConditionReasons.ACCESS_DENIED, "cannot access 'GitRepository/" + namespace
          + "/" + ref.getName() + "', cross-namespace references have been blocked");
    }
    return cluster.gitRepository(namespace, ref.getName())
        .orElseThrow(() -> ReconcileProblem.retry(ConditionReasons.SOURCE_MANAGER_FAILED,
            "failed configuring source manager: unable to get source 'GitRepository/" + namespace + "/"
                + ref.getName() + "': gitrepositories.source.toolkit.fluxcd.io \"" + ref.getName()
                + "\" not found"));
  }
}
