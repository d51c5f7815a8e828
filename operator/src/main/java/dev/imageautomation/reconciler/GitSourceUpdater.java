package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.GitRepositoryRef;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRef;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.api.v1.PushSpec;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.git.CheckoutRef;
import dev.imageautomation.git.CommitRequest;
import dev.imageautomation.git.GitException;
import dev.imageautomation.git.GitSource;
import dev.imageautomation.git.GitWorkspace;
import dev.imageautomation.git.GitWorkspaces;
import dev.imageautomation.git.PushRequest;
import dev.imageautomation.git.PushResult;
import dev.imageautomation.setters.ChangeSet;
import dev.imageautomation.setters.PolicyImage;
import dev.imageautomation.setters.RewritePlan;
import dev.imageautomation.setters.SetterValues;
import dev.imageautomation.setters.TreeRewriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SourceUpdater} on the git, setters and template engines: opens the cached checkout, rewrites the markers
 * under {@code spec.update.path}, renders the message from the change set, commits and pushes (re-applying the
 * same update on a moved branch, inside {@link GitWorkspace#commitAndPush}).
 */
public final class GitSourceUpdater implements SourceUpdater {

  private final GitWorkspaces workspaces;
  private final GitSecrets secrets;

  /** With the standard providers, as the {@code run} command uses them. */
  public GitSourceUpdater(ClusterReader cluster, GitWorkspaces workspaces) {
    this(cluster, workspaces, GitProviders.standard(OperatorConfig.defaults(), Clock.systemUTC()));
  }

  public GitSourceUpdater(ClusterReader cluster, GitWorkspaces workspaces, GitProviders providers) {
    this.workspaces = workspaces;
    this.secrets = new GitSecrets(cluster, providers);
  }

  @Override
  public UpdateResult update(UpdatePlan plan) throws ReconcileProblem {
    ImageUpdateAutomation automation = plan.automation();
    CommitMessages.validate(automation);
    SetterValues values = setterValuesOf(plan);
    Path updatePath = Path.of(Optional.ofNullable(automation.getSpec().getUpdate().getPath()).orElse("."));
    GitSource source = sourceOf(automation, plan.source());
    try (GitWorkspace workspace = open(source, plan.source(), automation.getMetadata().getNamespace())) {
      return plan.mode() == Mode.PREVIEW
          ? preview(automation, workspace, updatePath, values)
          : push(automation, plan, workspace, updatePath, values);
    } catch (IllegalArgumentException e) {
      throw ReconcileProblem.retry(ConditionReasons.UPDATE_FAILED, "failed to apply policies: " + e.getMessage());
    }
  }

  @Override
  public boolean unchangedSince(UpdatePlan plan, String observedSourceRevision) {
    try {
      return workspaces.unchangedSince(observedSourceRevision, sourceOf(plan.automation(), plan.source()),
          pushRequestOf(plan.automation(), plan.pushBranch()), secrets.credentialsOf(plan.source(),
          plan.automation().getMetadata().getNamespace()));
    } catch (ReconcileProblem | GitException | IllegalArgumentException e) {
      return false;
    }
  }

  private GitWorkspace open(GitSource source, GitRepository repository, String automationNamespace)
      throws ReconcileProblem {
    try {
      return workspaces.open(source, secrets.credentialsOf(repository, automationNamespace));
    } catch (IllegalArgumentException e) {
      throw ReconcileProblem.retry(ConditionReasons.SOURCE_MANAGER_FAILED, "failed configuring source manager: "
          + e.getMessage());
    } catch (GitException e) {
      throw ReconcileProblem.retry(ConditionReasons.GIT_OPERATION_FAILED, "failed to checkout source: "
          + e.getMessage(), e);
    }
  }

  private UpdateResult push(ImageUpdateAutomation automation, UpdatePlan plan, GitWorkspace workspace,
      Path updatePath, SetterValues values) throws ReconcileProblem {
    CommitRequest commit = new CommitRequest(automation.getSpec().getGit().getCommit().getAuthor().getName(),
        automation.getSpec().getGit().getCommit().getAuthor().getEmail(), secrets.signingKeyOf(automation));
    MessageTunnel tunnel = new MessageTunnel();
    try {
      PushResult result = workspace.commitAndPush(workTree -> tunnel.rewrite(automation, workTree, updatePath,
          values), commit, pushRequestOf(automation, plan.pushBranch()));
      Optional<Commit> pushed = result.commit().map(sha -> new Commit(sha, result.message(), result.branch(),
          result.pushed(), Optional.ofNullable(result.refspec())));
      return new UpdateResult(result.revision().toString(), pushed, Optional.empty());
    } catch (ProblemInUpdate e) {
      throw e.problem;
    } catch (GitException e) {
      throw ReconcileProblem.retry(ConditionReasons.GIT_OPERATION_FAILED, "failed to update source: "
          + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw ReconcileProblem.retry(ConditionReasons.UPDATE_FAILED, "failed to apply policies: " + e.getMessage(), e);
    }
  }

  private static UpdateResult preview(ImageUpdateAutomation automation, GitWorkspace workspace, Path updatePath,
      SetterValues values) throws ReconcileProblem {
    try {
      RewritePlan rewrite = TreeRewriter.plan(workspace.workTree(), updatePath, values);
      ChangeSet changes = rewrite.changeSet();
      Optional<String> message = changes.isEmpty() ? Optional.empty()
          : Optional.of(CommitMessages.render(automation, changes));
      return new UpdateResult(workspace.revision().toString(), Optional.empty(),
          Optional.of(new Preview(rewrite.files(), message)));
    } catch (IOException e) {
      throw ReconcileProblem.retry(ConditionReasons.UPDATE_FAILED, "failed to apply policies: " + e.getMessage(), e);
    }
  }

  /** The setter values of the selected policies; one invalid reference fails the run, as in Flux. */
  private static SetterValues setterValuesOf(UpdatePlan plan) throws ReconcileProblem {
    SetterValues.Builder builder = SetterValues.builder();
    for (ImagePolicy policy : plan.policies()) {
      ImageRef latest = policy.getStatus().getLatestRef();
      try {
        builder.policy(policy.getMetadata().getNamespace(), policy.getMetadata().getName(),
            new PolicyImage(latest.getName(), latest.getTag(), latest.getDigest() == null ? "" : latest.getDigest()));
      } catch (IllegalArgumentException e) {
        throw ReconcileProblem.retry(ConditionReasons.UPDATE_FAILED, "failed to apply policies: " + e.getMessage());
      }
    }
    return builder.build();
  }

  private static GitSource sourceOf(ImageUpdateAutomation automation, GitRepository repository) {
    GitRepositoryRef automationRef = automation.getSpec().getGit().getCheckout() == null ? null
        : automation.getSpec().getGit().getCheckout().getRef();
    CheckoutRef ref = CheckoutRef.resolve(checkoutRefOf(automationRef), checkoutRefOf(repository.getSpec().getRef()));
    return new GitSource(repository.getSpec().getUrl(), ref, repository.getSpec().effectiveTimeout());
  }

  private static CheckoutRef checkoutRefOf(GitRepositoryRef ref) {
    return ref == null ? null
        : new CheckoutRef(ref.getBranch(), ref.getTag(), ref.getSemver(), ref.getName(), ref.getCommit());
  }

  private static PushRequest pushRequestOf(ImageUpdateAutomation automation, String pushBranch) {
    PushSpec push = automation.getSpec().getGit().getPush();
    Map<String, String> options = push == null || push.getOptions() == null ? Map.of() : push.getOptions();
    return new PushRequest(pushBranch, push == null ? null : push.getRefspec(), options);
  }

  /**
   * Runs the rewrite inside the git engine's retry loop, which only lets {@link IOException} out: a template
   * problem travels as {@link ProblemInUpdate} and is unwrapped by the caller.
   */
  private static final class MessageTunnel {
    Optional<String> rewrite(ImageUpdateAutomation automation, Path workTree, Path updatePath, SetterValues values)
        throws IOException {
      ChangeSet changes = TreeRewriter.rewrite(workTree, updatePath, values);
      if (changes.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(CommitMessages.render(automation, changes));
      } catch (ReconcileProblem problem) {
        throw new ProblemInUpdate(problem);
      }
    }
  }

  private static final class ProblemInUpdate extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ReconcileProblem problem;

    ProblemInUpdate(ReconcileProblem problem) {
      super(problem.getMessage(), null, false, false);
      this.problem = problem;
    }
  }
}
