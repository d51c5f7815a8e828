package dev.imageautomation;

import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.git.GitWorkspaces;
import dev.imageautomation.logging.OperatorLogging;
import dev.imageautomation.reconciler.ClusterReader;
import dev.imageautomation.reconciler.ControllerRuntimeMetrics;
import dev.imageautomation.reconciler.GitProviders;
import dev.imageautomation.reconciler.GitSourceUpdater;
import dev.imageautomation.reconciler.ImagePolicyReconciler;
import dev.imageautomation.reconciler.ImageRepositoryReconciler;
import dev.imageautomation.reconciler.ImageUpdateAutomationReconciler;
import dev.imageautomation.reconciler.InformerStores;
import dev.imageautomation.reconciler.JosdkControls;
import dev.imageautomation.reconciler.KubernetesCluster;
import dev.imageautomation.reconciler.KubernetesEventRecorder;
import dev.imageautomation.reconciler.KubernetesProgressPublisher;
import dev.imageautomation.reconciler.KubernetesReceivers;
import dev.imageautomation.reconciler.PolicyTagSelection;
import dev.imageautomation.reconciler.ReconcileMetrics;
import dev.imageautomation.reconciler.ScannerRegistryAccess;
import dev.imageautomation.reconciler.StatusRecorder;
import dev.imageautomation.reconciler.WorkloadIdentityPolicy;
import dev.imageautomation.registry.FileTagStore;
import dev.imageautomation.registry.HttpRegistryClients;
import dev.imageautomation.server.HealthEndpoints;
import dev.imageautomation.server.HttpEndpoints;
import dev.imageautomation.server.MetricsEndpoint;
import dev.imageautomation.webhook.WebhookHandler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring only: configuration → services → the three reconcilers → {@code operator.start()}, plus the health,
 * metrics and webhook endpoints. {@link #start} returns a handle the tests stop; {@link #run} blocks until SIGTERM.
 */
public final class OperatorMain implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private final Operator operator;
  private final List<HttpEndpoints> endpoints;
  private final AtomicBoolean ready;
  private final Optional<HttpEndpoints> webhook;
  private final Optional<HttpEndpoints> metrics;

  private OperatorMain(Operator operator, Served served, AtomicBoolean ready, Optional<HttpEndpoints> webhook) {
    this.operator = operator;
    this.endpoints = served.all();
    this.metrics = served.metrics();
    this.ready = ready;
    this.webhook = webhook;
  }

  /** Runs until the JVM is asked to stop; stops gracefully (running reconciles finish, up to the timeout). */
  public static int run(OperatorConfig config, KubernetesClient client) throws InterruptedException {
    OperatorLogging.configure(config.logLevel(), config.logEncoding() == OperatorConfig.LogEncoding.JSON);
    config.inertFlagsGiven().forEach(setting -> LOG.atWarn().addKeyValue("flag", setting.flag())
        .log("{} is accepted for compatibility with Flux and has no effect here", setting.flag()));
    OperatorMain main = start(config, client);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      main.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }

  /** Starts the operator and its endpoints. */
  public static OperatorMain start(OperatorConfig config, KubernetesClient client) {
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ClusterReader cluster = new KubernetesCluster(client);
    StatusRecorder recorder = new StatusRecorder(clock, new KubernetesEventRecorder(client, clock),
        new ReconcileMetrics(meters), new KubernetesProgressPublisher(client));
    var registry = new ScannerRegistryAccess(cluster, new HttpRegistryClients(clock),
        new FileTagStore(config.storagePath().resolve("tags")), clock, WorkloadIdentityPolicy.of(config));
    var updater = new GitSourceUpdater(cluster, new GitWorkspaces(config.storagePath().resolve("git")),
        GitProviders.standard(config, clock));

    Operator operator = new Operator(overrider -> {
      overrider.withKubernetesClient(client)
          .withConcurrentReconciliationThreads(3 * config.concurrent())
          .withReconciliationTerminationTimeout(config.shutdownTimeout())
          .withCloseClientOnStop(false)
          .withMetrics(new ControllerRuntimeMetrics(meters));
      leaderElection(config).ifPresent(overrider::withLeaderElectionConfiguration);
    });
    operator.register(new ImageRepositoryReconciler(registry, recorder, config), controller(config, true));
    operator.register(new ImagePolicyReconciler(cluster, registry, new PolicyTagSelection(), recorder, config),
        controller(config, true));
    operator.register(new ImageUpdateAutomationReconciler(cluster, updater, recorder, config),
        controller(config, false));

    AtomicBoolean ready = new AtomicBoolean();
    Served served = endpoints(config, meters, operator, ready);
    Optional<HttpEndpoints> webhook = config.webhookAddress().map(address -> HttpEndpoints.on(address)
        .route(WebhookHandler.PATH, new WebhookHandler(new KubernetesReceivers(client, cluster, clock))).start());
    webhook.ifPresent(served.all()::add);
    operator.start();
    ready.set(true);
    return new OperatorMain(operator, served, ready, webhook);
  }

  /** Namespaces, sharding selector (repositories and policies only, as Flux) and Flux's retry delays. */
  private static <R extends HasMetadata> Consumer<ControllerConfigurationOverrider<R>> controller(
      OperatorConfig config, boolean sharded) {
    return overrider -> {
      if (!config.watchAllNamespaces()) {
        overrider.settingNamespace(config.runtimeNamespace());
      }
      if (sharded) {
        config.watchLabelSelector().ifPresent(overrider::withLabelSelector);
      }
      // generation-aware filtering is off (it would miss requestedAt); without this filter every status patch of
      // ours would start another reconcile, an endless loop of runs (ls-remote for automations)
      overrider.withOnUpdateFilter(JosdkControls.specOrRequestChanged());
      overrider.withItemStore(InformerStores.withoutManagedFields());
      overrider.withRetry(new GenericRetry().setInitialInterval(config.minRetryDelay())
          .setIntervalMultiplier(2.0).setMaxInterval(config.maxRetryDelay().toMillis()).withoutMaxAttempts());
    };
  }

  private static Optional<LeaderElectionConfiguration> leaderElection(OperatorConfig config) {
    OperatorConfig.LeaderElection election = config.leaderElection();
    if (!election.enabled()) {
      return Optional.empty();
    }
    // a pod's hostname is unique, but two replicas in one JVM (tests) or on one host would share it
    String identity = System.getenv().getOrDefault("HOSTNAME", "image-automation") + "_"
        + java.util.UUID.randomUUID().toString().substring(0, 8);
    return Optional.of(new LeaderElectionConfiguration(election.leaseName(), election.leaseNamespace(),
        election.leaseDuration(), election.renewDeadline(), election.retryPeriod(), identity, null, true));
  }

  /** The started endpoints, and the one of them that serves {@code /metrics}. */
  private record Served(List<HttpEndpoints> all, Optional<HttpEndpoints> metrics) {}

  private static Served endpoints(OperatorConfig config, PrometheusMeterRegistry meters, Operator operator,
      AtomicBoolean ready) {
    var healthAddress = config.healthAddress();
    boolean shared = healthAddress.isPresent() && healthAddress.equals(config.metricsAddress());
    Optional<HttpEndpoints> health =
        healthAddress.map(address -> healthOn(address, operator, ready, shared ? meters : null));
    Optional<HttpEndpoints> metrics = shared ? health : config.metricsAddress().map(address ->
        HttpEndpoints.on(address).route("/metrics", MetricsEndpoint.of(meters)).start());
    List<HttpEndpoints> started = new ArrayList<>();
    health.ifPresent(started::add);
    if (!shared) {
      metrics.ifPresent(started::add);
    }
    return new Served(started, metrics);
  }

  private static HttpEndpoints healthOn(InetSocketAddress address, Operator operator, AtomicBoolean ready,
      PrometheusMeterRegistry metersToo) {
    HttpEndpoints.Builder builder = HttpEndpoints.on(address)
        .route("/healthz", HealthEndpoints.liveness())
        .route("/readyz", HealthEndpoints.readiness(() -> ready.get()
            && operator.getRuntimeInfo().allEventSourcesAreHealthy()));
    if (metersToo != null) {
      builder.route("/metrics", MetricsEndpoint.of(metersToo));
    }
    return builder.start();
  }

  /** The bound address serving {@code /metrics} (tests ask for port 0). */
  public Optional<InetSocketAddress> metricsAddress() {
    return metrics.map(HttpEndpoints::address);
  }

  /** The bound address of the webhook receiver (tests ask for port 0). */
  public Optional<InetSocketAddress> webhookAddress() {
    return webhook.map(HttpEndpoints::address);
  }

  /** Not ready any more, then stop reconciling (running reconciles finish, up to the timeout), then the endpoints. */
  @Override
  public void close() {
    ready.set(false);
    try {
      operator.stop();
    } finally {
      endpoints.forEach(HttpEndpoints::close);
    }
  }
}
