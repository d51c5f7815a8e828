package dev.imageautomation.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;

/**
 * Informer caches without {@code metadata.managedFields}, as controller-runtime's {@code TransformStripManagedFields}
 * keeps them: nothing here reads field ownership, and on an ImageUpdateAutomation that observes 1,000 policies the
 * managed-fields tree is larger than the object itself. One store per informer: a store must not be shared.
 */
public final class InformerStores {

  private InformerStores() {}

  public static <R extends HasMetadata> ItemStore<R> withoutManagedFields() {
    return new TransformingItemStore<>(object -> {
      object.getMetadata().setManagedFields(null);
      return object;
    });
  }
}
