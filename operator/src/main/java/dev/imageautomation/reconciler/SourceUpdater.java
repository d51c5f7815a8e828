package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import java.util.List;
import java.util.Optional;

/**
 * The Git side of the ImageUpdateAutomation reconcile: check out the source, apply the policies' setter values
 * under {@code spec.update.path}, commit with the rendered message and push — or, in the {@code run} command,
 * stop after the commit or show the diff. Failures carry Flux's reasons (SourceManagerFailed, GitOperationFailed,
 * UpdateFailed; Stalled RemovedTemplateField or a template that does not parse).
 */
public interface SourceUpdater {

  UpdateResult update(UpdatePlan plan) throws ReconcileProblem;

  /** How far a run goes. */
  enum Mode {
    /** The operator: commit and push. */
    PUSH,
    /** {@code run} without {@code --push}: commit in a local clone, push nothing. */
    COMMIT_ONLY,
    /** {@code run --dry-run}: compute the changes and the diff, commit nothing. */
    DRY_RUN
  }

  /**
   * Everything an update needs, resolved by the reconciler.
   *
   * @param policies the selected policies that have a {@code status.latestRef}
   */
  record UpdatePlan(
      ImageUpdateAutomation automation,
      GitRepository source,
      List<ImagePolicy> policies,
      String pushBranch,
      Mode mode) {
    public UpdatePlan {
      policies = List.copyOf(policies);
    }
  }

  /**
   * @param sourceRevision {@code <branch>@sha1:<hex>} of what the branch holds after the run
   * @param commit the commit made, when files changed and the mode commits
   * @param diff unified diff of the changes (always computed; what {@code --dry-run} prints)
   */
  record UpdateResult(String sourceRevision, Optional<Commit> commit, String diff) {}

  /** A commit the run made; {@code pushed} when it reached the remote branch. */
  record Commit(String sha, String message, String branch, boolean pushed, Optional<String> refspec) {}
}
