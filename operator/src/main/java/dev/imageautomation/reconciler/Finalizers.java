package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ApiGroups;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * The operator's finalizer, and the release of Flux's. JOSDK (through fabric8) accepts only domain-qualified
 * finalizer names, and Flux's {@code finalizers.fluxcd.io} is not one, so the operator uses
 * {@value #FINALIZER}; an object taken over from Flux still carries Flux's, which nobody else would remove, so the
 * cleanup removes it too and the object can go.
 */
final class Finalizers {

  static final String FINALIZER = "image.toolkit.fluxcd.io/finalizer";

  private Finalizers() {}

  /** Removes Flux's finalizer from a deleted object when it still has it. */
  static <T extends HasMetadata> void releaseFlux(T resource, Context<T> context) {
    if (context == null || !resource.getMetadata().getFinalizers().contains(ApiGroups.FINALIZER)) {
      return;
    }
    context.getClient().resource(resource).edit(current -> {
      current.getMetadata().getFinalizers().remove(ApiGroups.FINALIZER);
      return current;
    });
  }
}
