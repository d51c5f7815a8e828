package dev.imageautomation.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Thrown out of a JOSDK {@code reconcile} so that JOSDK retries with exponential backoff; carries the resource
 * whose status already describes the failure, which {@code updateErrorStatus} then patches.
 */
final class RetryLater extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient HasMetadata resource;

  RetryLater(HasMetadata resource, String message) {
    super(message, null, false, false);
    this.resource = resource;
  }

  @SuppressWarnings("unchecked")
  <T extends HasMetadata> T resource() {
    return (T) resource;
  }
}
