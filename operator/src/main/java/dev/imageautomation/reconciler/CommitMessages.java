package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.CommitSpec;
import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.setters.Change;
import dev.imageautomation.setters.ChangeSet;
import dev.imageautomation.template.AutomationObject;
import dev.imageautomation.template.ChangeResult;
import dev.imageautomation.template.CommitMessageData;
import dev.imageautomation.template.CommitMessageTemplate;
import dev.imageautomation.template.ObjectIdentifier;
import dev.imageautomation.template.RemovedTemplateFieldException;
import dev.imageautomation.template.TemplateException;
import dev.imageautomation.template.TemplateParseException;
import dev.imageautomation.template.ValueChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an automation's commit message from the rewriter's change set with the Go-template engine. A template
 * that does not parse, or uses a field Flux removed, is a wrong spec (Stalled); an execution error is retried as
 * Flux does (GitOperationFailed).
 */
final class CommitMessages {

  private CommitMessages() {}

  /**
   * Checks the template before any Git work, with no changes: a template that does not parse or names a removed
   * field stalls now rather than after a clone. Execution errors are left to the real rendering.
   */
  static void validate(ImageUpdateAutomation automation) throws ReconcileProblem {
    try {
      render(automation, new ChangeSet(List.of(), List.of(), List.of(), List.of()));
    } catch (ReconcileProblem problem) {
      if (problem.state() == Verdict.State.STALLED) {
        throw problem;
      }
    }
  }

  static String render(ImageUpdateAutomation automation, ChangeSet changes) throws ReconcileProblem {
    CommitSpec commit = automation.getSpec().getGit().getCommit();
    CommitMessageData data = new CommitMessageData(
        new AutomationObject(automation.getMetadata().getNamespace(), automation.getMetadata().getName()),
        changeResultOf(changes),
        commit.getMessageTemplateValues() == null ? Map.of() : commit.getMessageTemplateValues());
    try {
      return CommitMessageTemplate.render(commit.getMessageTemplate(), data);
    } catch (RemovedTemplateFieldException e) {
      throw ReconcileProblem.stalled(ConditionReasons.REMOVED_TEMPLATE_FIELD, e.getMessage());
    } catch (TemplateException e) {
      if (e.getCause() instanceof TemplateParseException) {
        // the template engine wraps parse errors with Flux's wording; a template that does not parse is a wrong spec
        throw ReconcileProblem.stalled(ConditionReasons.GIT_OPERATION_FAILED, "failed to update source: "
            + e.getMessage());
      }
      throw ReconcileProblem.retry(ConditionReasons.GIT_OPERATION_FAILED, "failed to update source: "
          + e.getMessage(), e);
    }
  }

  /** The rewriter's result in the shape the template sees as {@code .Changed}. */
  static ChangeResult changeResultOf(ChangeSet changes) {
    Map<String, Map<ObjectIdentifier, List<ValueChange>>> files = new LinkedHashMap<>();
    changes.fileChanges().forEach((file, objects) -> {
      Map<ObjectIdentifier, List<ValueChange>> converted = new LinkedHashMap<>();
      objects.forEach((object, list) -> converted.put(
          new ObjectIdentifier(object.apiVersion(), object.kind(), object.name(), object.namespace()),
          list.stream().map(CommitMessages::valueChangeOf).toList()));
      files.put(file, converted);
    });
    return new ChangeResult(files);
  }

  private static ValueChange valueChangeOf(Change change) {
    return new ValueChange(change.oldValue(), change.newValue(), change.setter());
  }
}
