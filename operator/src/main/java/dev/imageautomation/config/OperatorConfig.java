package dev.imageautomation.config;

import dev.imageautomation.duration.GoDuration;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's settings, parsed once at start-up from flags and environment (see {@link OperatorSetting}) and then
 * passed to whoever needs them. Immutable.
 */
public record OperatorConfig(
    int concurrent,
    Path storagePath,
    boolean watchAllNamespaces,
    String runtimeNamespace,
    Optional<String> watchLabelSelector,
    LeaderElection leaderElection,
    boolean noCrossNamespaceRefs,
    Duration requeueDependency,
    Duration minRetryDelay,
    Duration maxRetryDelay,
    Duration minInterval,
    Duration gitTimeout,
    Optional<InetSocketAddress> metricsAddress,
    Optional<InetSocketAddress> healthAddress,
    Optional<InetSocketAddress> webhookAddress,
    String logLevel,
    LogEncoding logEncoding,
    Duration shutdownTimeout,
    FeatureGates featureGates,
    Optional<String> defaultServiceAccount,
    List<OperatorSetting> inertFlagsGiven) {

  /** {@code --log-encoding}. */
  public enum LogEncoding { JSON, CONSOLE }

  public OperatorConfig {
    inertFlagsGiven = List.copyOf(inertFlagsGiven);
  }

  /** Leader election through a coordination.k8s.io Lease. */
  public record LeaderElection(
      boolean enabled,
      String leaseName,
      String leaseNamespace,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {}

  /** Every setting at its default (environment ignored): what tests and the {@code run} command start from. */
  public static OperatorConfig defaults() {
    return from(Map.of(), Map.of());
  }

  /**
   * Builds the configuration: a value in {@code given} (from the command line) wins over the setting's environment
   * variable in {@code environment}, which wins over its default.
   *
   * @throws IllegalArgumentException naming the flag when a value does not parse
   */
  public static OperatorConfig from(Map<OperatorSetting, String> given, Map<String, String> environment) {
    Map<OperatorSetting, String> raw = new EnumMap<>(OperatorSetting.class);
    for (OperatorSetting setting : OperatorSetting.values()) {
      String value = given.get(setting);
      if (value == null) {
        value = environment.getOrDefault(setting.environmentVariable(), setting.defaultValue());
      }
      raw.put(setting, value.trim());
    }
    List<OperatorSetting> inert = given.keySet().stream().filter(OperatorSetting::inert).sorted().toList();
    return new SettingValues(raw, inert).toConfig();
  }

  /** Typed reads of the raw strings, each failure naming its flag. */
  private record SettingValues(Map<OperatorSetting, String> raw, List<OperatorSetting> inertGiven) {

    OperatorConfig toConfig() {
      String runtimeNamespace = text(OperatorSetting.RUNTIME_NAMESPACE);
      Optional<String> selector = optional(OperatorSetting.WATCH_LABEL_SELECTOR);
      Duration minRetry = duration(OperatorSetting.MIN_RETRY_DELAY);
      Duration maxRetry = duration(OperatorSetting.MAX_RETRY_DELAY);
      if (maxRetry.compareTo(minRetry) < 0) {
        throw new IllegalArgumentException("--max-retry-delay must not be shorter than --min-retry-delay");
      }
      FeatureGates gates = featureGates();
      Optional<String> defaultServiceAccount = optional(OperatorSetting.DEFAULT_SERVICE_ACCOUNT);
      if (defaultServiceAccount.isPresent() && !gates.enabled(FeatureGates.Gate.ObjectLevelWorkloadIdentity)) {
        throw new IllegalArgumentException("--default-service-account needs the ObjectLevelWorkloadIdentity "
            + "feature gate (--feature-gates=ObjectLevelWorkloadIdentity=true)");
      }
      return new OperatorConfig(
          positiveInt(OperatorSetting.CONCURRENT),
          Path.of(text(OperatorSetting.STORAGE_PATH)),
          bool(OperatorSetting.WATCH_ALL_NAMESPACES),
          runtimeNamespace,
          selector,
          leaderElection(runtimeNamespace, selector),
          bool(OperatorSetting.NO_CROSS_NAMESPACE_REFS),
          duration(OperatorSetting.REQUEUE_DEPENDENCY),
          minRetry,
          maxRetry,
          duration(OperatorSetting.MIN_INTERVAL),
          duration(OperatorSetting.GIT_TIMEOUT),
          address(OperatorSetting.METRICS_ADDR),
          address(OperatorSetting.HEALTH_ADDR),
          address(OperatorSetting.WEBHOOK_ADDR),
          logLevel(),
          logEncoding(),
          duration(OperatorSetting.SHUTDOWN_TIMEOUT),
          gates,
          defaultServiceAccount,
          inertGiven);
    }

    private FeatureGates featureGates() {
      try {
        return FeatureGates.parse(raw.get(OperatorSetting.FEATURE_GATES));
      } catch (IllegalArgumentException e) {
        throw invalid(OperatorSetting.FEATURE_GATES, raw.get(OperatorSetting.FEATURE_GATES), e.getMessage());
      }
    }

    private LeaderElection leaderElection(String runtimeNamespace, Optional<String> selector) {
      String namespace = optional(OperatorSetting.LEADER_ELECTION_NAMESPACE).orElse(runtimeNamespace);
      String lease = text(OperatorSetting.LEADER_ELECTION_LEASE_NAME);
      // as Flux: each shard elects its own leader, so the lease name carries a hash of the shard's selector
      String name = selector.map(s -> lease + "-" + sha256Prefix(s)).orElse(lease);
      return new LeaderElection(
          bool(OperatorSetting.ENABLE_LEADER_ELECTION),
          name,
          namespace,
          duration(OperatorSetting.LEADER_ELECTION_LEASE_DURATION),
          duration(OperatorSetting.LEADER_ELECTION_RENEW_DEADLINE),
          duration(OperatorSetting.LEADER_ELECTION_RETRY_PERIOD));
    }

    private String text(OperatorSetting setting) {
      String value = raw.get(setting);
      if (value.isEmpty()) {
        throw invalid(setting, value, "must not be empty");
      }
      return value;
    }

    private Optional<String> optional(OperatorSetting setting) {
      return Optional.of(raw.get(setting)).filter(v -> !v.isEmpty());
    }

    private int positiveInt(OperatorSetting setting) {
      String value = raw.get(setting);
      try {
        int number = Integer.parseInt(value);
        if (number < 1) {
          throw invalid(setting, value, "must be at least 1");
        }
        return number;
      } catch (NumberFormatException e) {
        throw invalid(setting, value, "not a whole number");
      }
    }

    private boolean bool(OperatorSetting setting) {
      String value = raw.get(setting);
      return GoBooleans.parse(value).orElseThrow(() -> invalid(setting, value, "expected true or false"));
    }

    private Duration duration(OperatorSetting setting) {
      String value = raw.get(setting);
      try {
        Duration duration = GoDuration.parse(value);
        if (duration.isNegative()) {
          throw invalid(setting, value, "must not be negative");
        }
        return duration;
      } catch (IllegalArgumentException e) {
        throw invalid(setting, value, "expected a duration such as 30s, 5m or 1h30m");
      }
    }

    private Optional<InetSocketAddress> address(OperatorSetting setting) {
      String value = raw.get(setting);
      if (value.isEmpty() || value.equals("0")) {
        return Optional.empty();
      }
      int colon = value.lastIndexOf(':');
      if (colon < 0) {
        throw invalid(setting, value, "expected [host]:port");
      }
      String host = value.substring(0, colon);
      try {
        int port = Integer.parseInt(value.substring(colon + 1));
        return Optional.of(host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
      } catch (IllegalArgumentException e) {
        throw invalid(setting, value, "expected [host]:port");
      }
    }

    private String logLevel() {
      String value = raw.get(OperatorSetting.LOG_LEVEL).toLowerCase(java.util.Locale.ROOT);
      return switch (value) {
        case "trace", "debug", "info", "error" -> value;
        default -> throw invalid(OperatorSetting.LOG_LEVEL, value, "expected trace, debug, info or error");
      };
    }

    private LogEncoding logEncoding() {
      String value = raw.get(OperatorSetting.LOG_ENCODING).toLowerCase(java.util.Locale.ROOT);
      return switch (value) {
        case "json" -> LogEncoding.JSON;
        case "console" -> LogEncoding.CONSOLE;
        default -> throw invalid(OperatorSetting.LOG_ENCODING, value, "expected json or console");
      };
    }

    private static IllegalArgumentException invalid(OperatorSetting setting, String value, String why) {
      return new IllegalArgumentException(
          "invalid value '" + value + "' for " + setting.flag() + " (" + setting.environmentVariable() + "): " + why);
    }
  }

  private static String sha256Prefix(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
