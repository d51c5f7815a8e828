package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRef;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.config.OperatorSetting;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagePolicyReconcilerTest {

  private static final String REPOSITORY = """
      apiVersion: image.toolkit.fluxcd.io/v1
      kind: ImageRepository
      metadata: {name: app-name-dev, namespace: flux-system}
      spec: {image: registry.example.com/app-name, interval: 1m}
      """;
  private static final String DEV_POLICY = """
      apiVersion: image.toolkit.fluxcd.io/v1
      kind: ImagePolicy
      metadata: {name: app-name-dev, namespace: flux-system}
      spec:
        imageRepositoryRef: {name: app-name-dev}
        filterTags:
          pattern: '^dev-[0-9a-fA-F]{7,40}-(?P<run>[0-9]+)$'
          extract: '$run'
        policy:
          numerical: {order: asc}
      """;

  private final MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
  private final Fixtures.RecordedEvents events = new Fixtures.RecordedEvents();
  private final FakeRegistry registry = new FakeRegistry();
  private final InMemoryCluster cluster = new InMemoryCluster();
  private final ImageRepository repository = Fixtures.parse(REPOSITORY, ImageRepository.class);

  @Test
  void shouldSelectTheHighestRunNumberOfTheReferenceDevPolicy() throws Exception {
    scan("dev-abc1234-9", "dev-abc1234-10", "dev-0000000-2", "latest");
    ImagePolicy policy = Fixtures.parse(DEV_POLICY, ImagePolicy.class);

    Verdict verdict = reconciler(OperatorConfig.defaults()).reconcileOnce(policy);

    assertThat(verdict.isReady()).isTrue();
    assertThat(verdict.requeueAfter()).isEmpty();
    assertThat(policy.getStatus().getLatestRef()).isEqualTo(new ImageRef("registry.example.com/app-name",
        "dev-abc1234-10"));
    assertThat(policy.getStatus().getLatestImage()).isEqualTo("registry.example.com/app-name:dev-abc1234-10");
    assertThat(ready(policy).getMessage())
        .isEqualTo("Latest image tag for registry.example.com/app-name resolved to dev-abc1234-10");
    assertThat(events.last()).startsWith("NORMAL Succeeded: Latest image tag");
  }

  @Test
  void shouldRememberThePreviousImageWhenANewTagIsSelected() throws Exception {
    ImagePolicyReconciler reconciler = reconciler(OperatorConfig.defaults());
    ImagePolicy policy = Fixtures.parse(DEV_POLICY, ImagePolicy.class);
    scan("dev-abc1234-1");
    reconciler.reconcileOnce(policy);

    scan("dev-abc1234-1", "dev-def5678-2");
    reconciler.reconcileOnce(policy);

    assertThat(policy.getStatus().getObservedPreviousRef()).isEqualTo(new ImageRef("registry.example.com/app-name",
        "dev-abc1234-1"));
    assertThat(ready(policy).getMessage()).isEqualTo("Latest image tag for registry.example.com/app-name resolved "
        + "to dev-def5678-2 (previously registry.example.com/app-name:dev-abc1234-1)");
  }

  @Test
  void shouldWaitForTagsWithoutBackoffWhileTheRepositoryHasNone() {
    cluster.add(repository);
    ImagePolicy policy = Fixtures.parse(DEV_POLICY, ImagePolicy.class);

    Verdict verdict = reconciler(OperatorConfig.defaults()).reconcileOnce(policy);

    assertThat(verdict.state()).isEqualTo(Verdict.State.WAIT);
    assertThat(verdict.requeueAfter()).contains(Duration.ofSeconds(30));
    assertThat(ready(policy).getReason()).isEqualTo(ConditionReasons.DEPENDENCY_NOT_READY);
    assertThat(ready(policy).getMessage()).isEqualTo("retrying in 30s error: no tags in database");
  }

  @Test
  void shouldStallOnASemverRangeThatDoesNotParse() throws Exception {
    scan("1.0.0");
    ImagePolicy policy = Fixtures.parse(DEV_POLICY.replace("numerical: {order: asc}", "semver: {range: '1.0.0p'}")
        .replaceAll("(?s)filterTags:.*?policy:", "policy:"), ImagePolicy.class);

    Verdict verdict = reconciler(OperatorConfig.defaults()).reconcileOnce(policy);

    assertThat(verdict.state()).isEqualTo(Verdict.State.STALLED);
    assertThat(ready(policy).getReason()).isEqualTo(ConditionReasons.INVALID_POLICY);
    assertThat(ready(policy).getMessage()).isNotBlank();
    assertThat(Conditions.find(policy.getStatus().getConditions(), "Stalled")).isPresent();
    assertThat(events.last()).startsWith("WARNING InvalidPolicy: ");
  }

  @Test
  void shouldStallOnAFilterRegexThatDoesNotCompile() throws Exception {
    scan("dev-abc1234-1");
    ImagePolicy policy = Fixtures.parse(DEV_POLICY.replace("(?P<run>", "(?P<run"), ImagePolicy.class);

    assertThat(reconciler(OperatorConfig.defaults()).reconcileOnce(policy).state())
        .isEqualTo(Verdict.State.STALLED);
    assertThat(ready(policy).getReason()).isEqualTo(ConditionReasons.INVALID_POLICY);
  }

  @Test
  void shouldRefuseAnotherNamespacesRepositoryUnlessItsAccessFromMatches() throws Exception {
    scan("dev-abc1234-1");
    cluster.add(new NamespaceBuilder().withNewMetadata().withName("team-a").withLabels(Map.of("team", "a"))
        .endMetadata().build());
    ImagePolicy policy = Fixtures.parse(DEV_POLICY.replace("namespace: flux-system", "namespace: team-a")
        .replace("{name: app-name-dev}", "{name: app-name-dev, namespace: flux-system}"), ImagePolicy.class);
    ImagePolicyReconciler reconciler = reconciler(OperatorConfig.defaults());

    assertThat(reconciler.reconcileOnce(policy).reason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready(policy).getMessage()).endsWith("due to missing ACL labels on 'accessFrom'");

    repository.getSpec().setAccessFrom(new dev.imageautomation.api.v1.AccessFrom(
        java.util.List.of(new dev.imageautomation.api.v1.NamespaceSelector(Map.of("team", "b")))));
    assertThat(reconciler.reconcileOnce(policy).reason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready(policy).getMessage()).endsWith("due to ACL labels mismatch on namespace 'team-a'");

    repository.getSpec().getAccessFrom().getNamespaceSelectors().get(0).setMatchLabels(Map.of("team", "a"));
    assertThat(reconciler.reconcileOnce(policy).isReady()).isTrue();

    OperatorConfig locked = OperatorConfig.from(Map.of(OperatorSetting.NO_CROSS_NAMESPACE_REFS, "true"), Map.of());
    assertThat(reconciler(locked).reconcileOnce(policy).reason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready(policy).getMessage()).contains("cross-namespace references have been blocked");
  }

  @Test
  void shouldFetchTheDigestOncePerTagWithIfNotPresentAndEveryTimeWithAlways() throws Exception {
    scan("dev-abc1234-1");
    ImagePolicyReconciler reconciler = reconciler(OperatorConfig.defaults());
    ImagePolicy once = Fixtures.parse(DEV_POLICY.replace("policy:\n", "digestReflectionPolicy: IfNotPresent\n  policy:\n"),
        ImagePolicy.class);
    registry.digests.put("dev-abc1234-1", "sha256:" + "a".repeat(64));

    reconciler.reconcileOnce(once);
    reconciler.reconcileOnce(once);

    assertThat(registry.digestFetches).isEqualTo(1);
    assertThat(once.getStatus().getLatestRef().getDigest()).isEqualTo("sha256:" + "a".repeat(64));
    assertThat(ready(once).getMessage()).endsWith("with digest sha256:" + "a".repeat(64));

    ImagePolicy always = Fixtures.parse(DEV_POLICY.replace("policy:\n",
        "digestReflectionPolicy: Always\n  interval: 5m\n  policy:\n"), ImagePolicy.class);
    Verdict first = reconciler.reconcileOnce(always);
    reconciler.reconcileOnce(always);

    assertThat(registry.digestFetches).isEqualTo(3);
    assertThat(first.requeueAfter()).contains(Duration.ofMinutes(5));
  }

  @Test
  void shouldStallWhenAlwaysReflectingDigestsWithoutAnInterval() {
    ImagePolicy policy = Fixtures.parse(DEV_POLICY.replace("policy:\n", "digestReflectionPolicy: Always\n  policy:\n"),
        ImagePolicy.class);

    assertThat(reconciler(OperatorConfig.defaults()).reconcileOnce(policy).state())
        .isEqualTo(Verdict.State.STALLED);
    assertThat(ready(policy).getReason()).isEqualTo(ConditionReasons.INTERVAL_NOT_CONFIGURED);
  }

  @Test
  void shouldStallWhenTheRepositoryNeedsTheWorkloadIdentityGateThatIsOff() throws Exception {
    repository.getSpec().setProvider(dev.imageautomation.api.v1.RegistryProvider.GCP);
    repository.getSpec().setServiceAccountName("gar-reader");
    scan("dev-abc1234-1");
    ImagePolicy policy = Fixtures.parse(DEV_POLICY, ImagePolicy.class);

    Verdict verdict = reconciler(OperatorConfig.defaults()).reconcileOnce(policy);

    assertThat(verdict.state()).isEqualTo(Verdict.State.STALLED);
    assertThat(ready(policy).getReason()).isEqualTo(ConditionReasons.FEATURE_GATE_DISABLED);
    assertThat(ready(policy).getMessage()).isEqualTo("to use spec.serviceAccountName in the ImageRepository for "
        + "provider authentication please enable the ObjectLevelWorkloadIdentity feature gate in the controller");
  }

  @Test
  void shouldReportAMissingRepositoryAsDependencyNotReady() {
    ImagePolicy policy = Fixtures.parse(DEV_POLICY, ImagePolicy.class);

    Verdict verdict = reconciler(OperatorConfig.defaults()).reconcileOnce(policy);

    assertThat(verdict.state()).isEqualTo(Verdict.State.RETRY);
    assertThat(verdict.reason()).isEqualTo(ConditionReasons.DEPENDENCY_NOT_READY);
    assertThat(ready(policy).getMessage()).startsWith("referenced ImageRepository does not exist");
  }

  private void scan(String... tags) throws ReconcileProblem {
    registry.publish("registry.example.com/app-name", tags);
    registry.scan(repository);
    cluster.add(repository);
  }

  private ImagePolicyReconciler reconciler(OperatorConfig config) {
    return new ImagePolicyReconciler(cluster, registry, new PolicyTagSelection(),
        Fixtures.recorder(clock, events), config);
  }

  private static Condition ready(ImagePolicy policy) {
    return Conditions.find(policy.getStatus().getConditions(), "Ready").orElseThrow();
  }

}
