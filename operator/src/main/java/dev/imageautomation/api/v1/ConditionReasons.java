package dev.imageautomation.api.v1;

/**
 * The condition reasons Flux's image controllers use, shared by all kinds (the same strings appear in Flux's
 * {@code fluxcd/pkg/apis/meta} and in each controller's API package).
 */
public final class ConditionReasons {

  // --- generic (meta) ---
  /** Ready=True after a successful reconcile. */
  public static final String SUCCEEDED = "Succeeded";
  /** Ready=False for an error no more specific reason covers. */
  public static final String FAILED = "Failed";
  /** Reconciling=True while a reconcile runs. */
  public static final String PROGRESSING = "Progressing";
  /** Reconciling=True after a failed attempt that will be retried. */
  public static final String PROGRESSING_WITH_RETRY = "ProgressingWithRetry";
  /** A referenced object does not exist or is not ready yet. */
  public static final String DEPENDENCY_NOT_READY = "DependencyNotReady";
  /** A cross-namespace reference is blocked or denied by an ACL. */
  public static final String ACCESS_DENIED = "AccessDenied";
  /** A feature needs a controller feature gate that is off. */
  public static final String FEATURE_GATE_DISABLED = "FeatureGateDisabled";

  // --- ImageRepository ---
  /** {@code spec.image} cannot be parsed (also used by ImagePolicy for its repository's image). */
  public static final String IMAGE_URL_INVALID = "ImageURLInvalid";
  /** Credentials, TLS or proxy options could not be built. */
  public static final String AUTHENTICATION_FAILED = "AuthenticationFailed";
  /** Listing tags from the registry or storing them failed. */
  public static final String READ_OPERATION_FAILED = "ReadOperationFailed";

  // --- ImagePolicy ---
  /** Reading tags or applying the policy failed. */
  public static final String FAILURE = "Failure";
  /** The policy or the filter regex is invalid. */
  public static final String INVALID_POLICY = "InvalidPolicy";
  /** {@code digestReflectionPolicy: Always} without an interval. */
  public static final String INTERVAL_NOT_CONFIGURED = "IntervalNotConfigured";

  // --- ImageUpdateAutomation ---
  /** The source reference or the GitRepository's provider setup is unusable. */
  public static final String INVALID_SOURCE_CONFIGURATION = "InvalidSourceConfiguration";
  /** {@code spec.policySelector} does not parse. */
  public static final String INVALID_POLICY_SELECTOR = "InvalidPolicySelector";
  /** {@code spec.update} is missing or names a strategy other than Setters. */
  public static final String INVALID_UPDATE_STRATEGY = "InvalidUpdateStrategy";
  /** The commit template uses a field removed in v1 ({@code .Updated}, {@code .Changed.ImageResult}). */
  public static final String REMOVED_TEMPLATE_FIELD = "RemovedTemplateField";
  /** The Git connection (repository, credentials, signing key, push branch) could not be set up. */
  public static final String SOURCE_MANAGER_FAILED = "SourceManagerFailed";
  /** Clone, checkout, commit or push failed. */
  public static final String GIT_OPERATION_FAILED = "GitOperationFailed";
  /** Applying the policies to the files failed. */
  public static final String UPDATE_FAILED = "UpdateFailed";

  private ConditionReasons() {}
}
