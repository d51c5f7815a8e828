package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ApiGroups;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Map;
import java.util.Objects;

/** Translates a {@link Verdict} into JOSDK's controls; the one place the three reconcilers meet JOSDK's rules. */
final class JosdkControls {

  private JosdkControls() {}

  /**
   * READY, STALLED and WAIT patch the status and reschedule as the verdict says; RETRY throws so that JOSDK backs
   * off exponentially ({@link #errorStatus} then patches the failure status); SUSPENDED patches only the handled
   * reconcile request.
   */
  static <T extends HasMetadata> UpdateControl<T> toControl(T resource, Verdict verdict) throws RetryLater {
    if (verdict.state() == Verdict.State.RETRY) {
      throw new RetryLater(resource, verdict.reason() + ": " + verdict.message());
    }
    UpdateControl<T> control = UpdateControl.patchStatus(resource);
    verdict.requeueAfter().filter(d -> !d.isZero()).ifPresent(control::rescheduleAfter);
    return control;
  }

  static <T extends HasMetadata> ErrorStatusUpdateControl<T> errorStatus(Exception e) {
    if (e instanceof RetryLater retry) {
      return ErrorStatusUpdateControl.patchStatus(retry.<T>resource());
    }
    return ErrorStatusUpdateControl.defaultErrorProcessing();
  }

  /**
   * Reconcile on a new generation, a new {@code reconcile.fluxcd.io/requestedAt} value (annotation-only changes
   * bump no generation, so generation-aware filtering alone would miss {@code flux reconcile}), a finalizer change
   * or a deletion; never on our own status patches.
   */
  static <T extends HasMetadata> OnUpdateFilter<T> specOrRequestChanged() {
    return (oldResource, newResource) ->
        !Objects.equals(oldResource.getMetadata().getGeneration(), newResource.getMetadata().getGeneration())
            || !Objects.equals(requestedAt(oldResource), requestedAt(newResource))
            || !Objects.equals(oldResource.getMetadata().getFinalizers(), newResource.getMetadata().getFinalizers())
            || newResource.isMarkedForDeletion();
  }

  static String requestedAt(HasMetadata resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(ApiGroups.RECONCILE_REQUEST_ANNOTATION);
  }
}
