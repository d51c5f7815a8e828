package dev.imageautomation.config;

import static dev.imageautomation.config.OperatorSetting.FluxOnly.FLUX_ONLY;

/**
 * Every operator setting, declared once: its command-line flag (as Flux's controllers name it), the environment
 * variable that may set it instead, its default and the description shown by {@code operator --help}.
 * A flag given on the command line wins over the environment, which wins over the default.
 */
public enum OperatorSetting {
  CONCURRENT("--concurrent", "4", "Concurrent reconciles per kind; the three kinds share one pool of 3 x this "
      + "many workers."),
  STORAGE_PATH("--storage-path", "/data", "Directory where scanned tags are stored."),
  WATCH_ALL_NAMESPACES(
      "--watch-all-namespaces", "true", "Watch every namespace; when false only the runtime namespace."),
  RUNTIME_NAMESPACE(
      "--runtime-namespace",
      "RUNTIME_NAMESPACE",
      "flux-system",
      "Namespace the operator runs in: watched when not watching all namespaces, and home of the leader lease."),
  WATCH_LABEL_SELECTOR(
      "--watch-label-selector", "", "Only reconcile objects matching this label selector (sharding), e.g. "
          + "sharding.fluxcd.io/shard=shard1."),
  ENABLE_LEADER_ELECTION(
      "--enable-leader-election", "true", "Elect a leader through a Lease so that only one replica reconciles."),
  LEADER_ELECTION_LEASE_NAME(
      "--leader-election-lease-name",
      "image-automation-operator-leader-election",
      "Name of the leader-election Lease; a hash of --watch-label-selector is appended when sharding."),
  LEADER_ELECTION_NAMESPACE(
      "--leader-election-namespace", "", "Namespace of the leader-election Lease (default: the runtime namespace)."),
  LEADER_ELECTION_LEASE_DURATION(
      "--leader-election-lease-duration", "35s", "How long a non-leader waits before trying to take the lease."),
  LEADER_ELECTION_RENEW_DEADLINE(
      "--leader-election-renew-deadline", "30s", "How long the leader keeps retrying to renew before stepping down."),
  LEADER_ELECTION_RETRY_PERIOD(
      "--leader-election-retry-period", "5s", "Wait between leader-election attempts."),
  NO_CROSS_NAMESPACE_REFS(
      "--no-cross-namespace-refs",
      "false",
      "Forbid references to objects in other namespaces (ImagePolicy -> ImageRepository, automation -> GitRepository)."),
  REQUEUE_DEPENDENCY(
      "--requeue-dependency", "30s", "Retry delay of an ImagePolicy whose ImageRepository has no tags yet."),
  MIN_RETRY_DELAY("--min-retry-delay", "750ms", "First delay of the exponential retry after a failure."),
  MAX_RETRY_DELAY("--max-retry-delay", "15m", "Longest delay of the exponential retry after a failure."),
  MIN_INTERVAL(
      "--min-interval", "1s", "Shortest spec.interval honoured; shorter intervals are raised to it."),
  GIT_TIMEOUT(
      "--git-timeout", "1m", "Timeout of one clone/fetch and of one push when the GitRepository sets no spec.timeout."),
  METRICS_ADDR("--metrics-addr", ":8080", "Address of the Prometheus /metrics endpoint; empty disables it."),
  HEALTH_ADDR("--health-addr", ":9440", "Address of the /healthz and /readyz endpoints; empty disables them."),
  WEBHOOK_ADDR(
      "--webhook-addr",
      ":9292",
      "Address of the registry push webhook receiver (/hook/<namespace>/<name>); empty disables it."),
  FEATURE_GATES(
      "--feature-gates",
      "",
      "Flux feature gates as Name=bool,... (ObjectLevelWorkloadIdentity, CacheSecretsAndConfigMaps, FluxStorage, "
          + "GitShallowClone, GitAllBranchReferences, GitSparseCheckout, GitForcePushBranch); an unknown gate is an "
          + "error."),
  DEFAULT_SERVICE_ACCOUNT(
      "--default-service-account",
      "",
      "ServiceAccount whose identity cloud providers use when an object names none (needs the "
          + "ObjectLevelWorkloadIdentity gate)."),
  LOG_LEVEL("--log-level", "info", "Log verbosity: trace, debug, info or error."),
  LOG_ENCODING(
      "--log-encoding",
      "json",
      "Log format: json (one object per line with Flux's field names: level, ts, logger, msg, ...) or console."),
  SHUTDOWN_TIMEOUT(
      "--shutdown-timeout", "30s", "How long a shutdown waits for running reconciles (a push in flight) to finish."),
  // Flux's flags that mean nothing here: accepted (with a warning) so that Flux's arguments carry over unchanged
  EVENTS_ADDR("--events-addr", "", FLUX_ONLY,
      "events are Kubernetes Events only; there is no notification-controller forwarding."),
  KUBE_API_QPS("--kube-api-qps", "50", FLUX_ONLY, "the client does not throttle; API Priority and Fairness does."),
  KUBE_API_BURST("--kube-api-burst", "300", FLUX_ONLY, "the client does not throttle; API Priority and Fairness does."),
  LEADER_ELECTION_RELEASE_ON_CANCEL("--leader-election-release-on-cancel", "true", FLUX_ONLY,
      "the lease is always released on shutdown."),
  WATCH_CONFIGS_LABEL_SELECTOR("--watch-configs-label-selector", "reconcile.fluxcd.io/watch=Enabled", FLUX_ONLY,
      "unused by Flux's image controllers too."),
  TOKEN_CACHE_MAX_SIZE("--token-cache-max-size", "100", FLUX_ONLY,
      "cloud tokens are cached per identity, for 100 identities at most."),
  TOKEN_CACHE_MAX_DURATION("--token-cache-max-duration", "1h", FLUX_ONLY,
      "cloud tokens are kept for 80% of their lifetime and one hour at most."),
  SSH_HOSTKEY_ALGOS("--ssh-hostkey-algos", "", FLUX_ONLY, "Apache MINA SSHD's defaults apply."),
  SSH_KEX_ALGOS("--ssh-kex-algos", "", FLUX_ONLY, "Apache MINA SSHD's defaults apply."),
  GC_INTERVAL("--gc-interval", "10", FLUX_ONLY, "the file tag store needs no garbage collection."),
  STORAGE_VALUE_LOG_FILE_SIZE("--storage-value-log-file-size", "268435456", FLUX_ONLY,
      "there is no Badger database; tags are stored in files."),
  STORAGE_COMPRESSION_THRESHOLD("--storage-compression-threshold", "64", FLUX_ONLY,
      "tag files of 64 KiB and more are always compressed.");

  /** The description of a flag accepted only so that Flux's arguments carry over. */
  private static final String INERT = "Accepted for compatibility with Flux's controllers; no effect here: ";

  private final String flag;
  private final String environmentVariable;
  private final String defaultValue;
  private final String description;

  private final boolean inert;

  OperatorSetting(String flag, String defaultValue, String description) {
    this(flag, environmentNameOf(flag), defaultValue, description);
  }

  /** A Flux flag accepted only so that Flux's arguments carry over; {@code whyInert} says why it changes nothing. */
  OperatorSetting(String flag, String defaultValue, FluxOnly marker, String whyInert) {
    this(flag, environmentNameOf(flag), defaultValue, INERT + whyInert, true);
  }

  /** Marks the constructor of Flux's flags that have no effect here. */
  enum FluxOnly { FLUX_ONLY }

  OperatorSetting(String flag, String environmentVariable, String defaultValue, String description) {
    this(flag, environmentVariable, defaultValue, description, false);
  }

  OperatorSetting(String flag, String environmentVariable, String defaultValue, String description,
      boolean inert) {
    this.inert = inert;
    this.flag = flag;
    this.environmentVariable = environmentVariable;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /**
   * {@code --storage-path} becomes {@code IMAGE_AUTOMATION_STORAGE_PATH}; the prefix keeps generic names such as
   * {@code LOG_LEVEL} set for other programs from changing the operator.
   */
  private static String environmentNameOf(String flag) {
    return "IMAGE_AUTOMATION_" + flag.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
  }

  public String flag() {
    return flag;
  }

  public String environmentVariable() {
    return environmentVariable;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** True for Flux's flags that are accepted but change nothing here (the operator warns when one is given). */
  public boolean inert() {
    return inert;
  }

  /** Boolean settings accept a bare flag ({@code --enable-leader-election}) as well as {@code =false}. */
  public boolean isSwitch() {
    return defaultValue.equals("true") || defaultValue.equals("false");
  }
}
