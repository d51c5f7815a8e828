package dev.imageautomation.api.v1;

/** API groups and the metadata conventions shared by the Flux kinds. */
public final class ApiGroups {

  /** The group of ImageRepository, ImagePolicy and ImageUpdateAutomation. */
  public static final String IMAGE = "image.toolkit.fluxcd.io";

  /** The group of Flux's GitRepository. */
  public static final String SOURCE = "source.toolkit.fluxcd.io";

  /** {@code apiVersion} of the image kinds. */
  public static final String IMAGE_API_VERSION = IMAGE + "/v1";

  /** {@code apiVersion} of GitRepository. */
  public static final String SOURCE_API_VERSION = SOURCE + "/v1";

  /** The finalizer Flux puts on image objects. */
  public static final String FINALIZER = "finalizers.fluxcd.io";

  /** Setting this annotation to a new value asks for an immediate reconcile ({@code flux reconcile}). */
  public static final String RECONCILE_REQUEST_ANNOTATION = "reconcile.fluxcd.io/requestedAt";

  /** CRD annotation that keeps Flux's post-build variable substitution away from the CRDs. */
  static final String NO_SUBSTITUTION_ANNOTATION = "kustomize.toolkit.fluxcd.io/substitute=disabled";

  /** Flux's schema default of {@code status}: nothing observed yet. */
  static final String STATUS_DEFAULT = "{\"observedGeneration\":-1}";

  static final String READY_STATUS_PATH = ".status.conditions[?(@.type==\"Ready\")].status";
  static final String READY_MESSAGE_PATH = ".status.conditions[?(@.type==\"Ready\")].message";
  static final String AGE_PATH = ".metadata.creationTimestamp";

  private ApiGroups() {}
}
