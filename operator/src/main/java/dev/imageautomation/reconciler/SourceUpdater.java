package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.setters.PlannedFile;
import java.util.List;
import java.util.Optional;

/**
 * The Git side of the ImageUpdateAutomation reconcile: check out the source, apply the policies' setter values
 * under {@code spec.update.path}, commit with the rendered message and push — or, in the {@code run} command,
 * only preview the change. Failures carry Flux's reasons (SourceManagerFailed, GitOperationFailed,
 * UpdateFailed; Stalled RemovedTemplateField or a template that does not parse).
 */
public interface SourceUpdater {

  UpdateResult update(UpdatePlan plan) throws ReconcileProblem;

  /** How far a run goes. */
  enum Mode {
    /** The operator, and {@code run --push}: commit and push. */
    PUSH,
    /** {@code run} without {@code --push}: work out the changes and the commit message; write nothing. */
    PREVIEW
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
   * @param commit the commit pushed, when files changed and the mode pushes
   * @param preview in {@link Mode#PREVIEW}: the files that would change (before and after) and the message
   */
  record UpdateResult(String sourceRevision, Optional<Commit> commit, Optional<Preview> preview) {}

  /** What a push would change: the rewritten files and the rendered commit message (empty when none change). */
  record Preview(List<PlannedFile> files, Optional<String> message) {
    public Preview {
      files = List.copyOf(files);
    }
  }

  /** A commit the run made; {@code pushed} when it reached the remote branch. */
  record Commit(String sha, String message, String branch, boolean pushed, Optional<String> refspec) {}
}
