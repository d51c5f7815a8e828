package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImagePolicyStatus;
import dev.imageautomation.api.v1.ImageRef;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.testing.GitCli;
import dev.imageautomation.testing.GitServers;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One ImageUpdateAutomation {@code flux-system/app} on GitRepository {@code flux-system/source}, whose policy
 * {@code app} selects {@code registry.example.com/app:v2}, run through the real reconciler: for tests of how the
 * GitRepository's credentials, proxy and provider reach a git server.
 */
final class AutomationHarness {

  /** A file for the repository, marked for the policy, still on {@code v1}. */
  static final String DEPLOYMENT = "image: registry.example.com/app:v1 # {\"$imagepolicy\": \"flux-system:app\"}\n";

  private static final AtomicInteger REPOSITORIES = new AtomicInteger();

  final InMemoryCluster cluster = new InMemoryCluster();
  final Fixtures.RecordedEvents events = new Fixtures.RecordedEvents();
  private final ImageUpdateAutomationReconciler reconciler;
  private String sourceNamespace = "flux-system";

  AutomationHarness(Function<ClusterReader, SourceUpdater> updater) {
    reconciler = new ImageUpdateAutomationReconciler(cluster, updater.apply(cluster),
        Fixtures.recorder(new MutableClock("2026-11-25T10:00:00Z"), events), OperatorConfig.defaults());
    ImagePolicy policy = Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata: {name: app, namespace: flux-system}
        spec:
          imageRepositoryRef: {name: app}
          policy: {semver: {range: '>=1.0.0'}}
        """, ImagePolicy.class);
    policy.setStatus(new ImagePolicyStatus());
    policy.getStatus().setLatestRef(new ImageRef("registry.example.com/app", "v2"));
    cluster.add(policy);
  }

  /** The GitRepository {@code flux-system/source}; {@code specLines} are further YAML lines of its spec. */
  AutomationHarness source(String url, String... specLines) {
    return sourceIn("flux-system", url, specLines);
  }

  /** The GitRepository {@code <namespace>/source}, which the automation then refers to across namespaces. */
  AutomationHarness sourceIn(String namespace, String url, String... specLines) {
    sourceNamespace = namespace;
    cluster.add(Fixtures.parse("""
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata: {name: source, namespace: %s}
        spec:
          url: '%s'
          interval: 1m
          ref: {branch: main}
        %s""".formatted(namespace, url, String.join("", java.util.Arrays.stream(specLines)
            .map(line -> "  " + line + "\n").toList())), GitRepository.class));
    return this;
  }

  AutomationHarness secret(String name, Map<String, String> data) {
    cluster.add(GitSecretsTest.secret("flux-system", name, data));
    return this;
  }

  ImageUpdateAutomation automation() {
    return Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageUpdateAutomation
        metadata: {name: app, namespace: flux-system}
        spec:
          interval: 5m
          sourceRef: {kind: GitRepository, name: source, namespace: %s}
          git:
            commit:
              author: {name: fluxbot, email: fluxbot@example.test}
            push: {branch: main}
          update: {strategy: Setters}
        """.formatted(sourceNamespace), ImageUpdateAutomation.class);
  }

  Verdict run(ImageUpdateAutomation automation) {
    return reconciler.reconcileOnce(automation, SourceUpdater.Mode.PUSH).verdict();
  }

  /** A new repository on {@code servers} holding {@link #DEPLOYMENT} as {@code deploy.yaml}; returns its name. */
  static String newRepository(GitServers servers, String prefix) {
    String name = prefix + "-" + REPOSITORIES.incrementAndGet();
    servers.createRepository(name, Map.of("deploy.yaml", DEPLOYMENT));
    return name;
  }

  /** {@code deploy.yaml} on the repository's {@code main}, as the server holds it. */
  static String deployed(GitServers servers, String name) {
    return GitCli.git(servers.bareRepository(name), "show", "main:deploy.yaml");
  }

  static Condition ready(ImageUpdateAutomation automation) {
    return Conditions.find(automation.getStatus().getConditions(), "Ready").orElseThrow();
  }
}
