package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ApiGroups;
import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.config.OperatorSetting;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageRepositoryReconcilerTest {

  private static final String REPOSITORY = """
      apiVersion: image.toolkit.fluxcd.io/v1
      kind: ImageRepository
      metadata: {name: app-name-dev, namespace: flux-system}
      spec: {image: registry.example.com/app-name, interval: 1m}
      """;

  private final MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
  private final Fixtures.RecordedEvents events = new Fixtures.RecordedEvents();
  private final FakeRegistry registry = new FakeRegistry();
  private final ImageRepositoryReconciler reconciler =
      new ImageRepositoryReconciler(registry, Fixtures.recorder(clock, events), OperatorConfig.defaults());

  @Test
  void shouldScanOnTheFirstReconcileAndReportTheTagsWithTheirChecksum() {
    registry.publish("registry.example.com/app-name", "dev-abc1234-1", "dev-abc1234-2", "x.sig");
    ImageRepository repository = Fixtures.parse(REPOSITORY, ImageRepository.class);

    Verdict verdict = reconciler.reconcileOnce(repository);

    var status = repository.getStatus();
    assertThat(verdict.isReady()).isTrue();
    assertThat(verdict.requeueAfter()).contains(Duration.ofMinutes(1));
    assertThat(status.getLastScanResult().getTagCount()).isEqualTo(3);
    assertThat(status.getLastScanResult().getScanTime()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(status.getLastScanResult().getLatestTags()).containsExactly("x.sig", "dev-abc1234-2", "dev-abc1234-1");
    assertThat(status.getCanonicalImageName()).isEqualTo("registry.example.com/app-name");
    assertThat(status.getObservedExclusionList()).containsExactly("^.*\\.sig$");
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(ready(repository).getMessage())
        .isEqualTo("successful scan: found 3 tags with checksum " + status.getLastScanResult().getRevision());
    assertThat(Conditions.find(status.getConditions(), "Reconciling")).isEmpty();
    assertThat(events.last()).startsWith("NORMAL Succeeded: successful scan: found 3 tags");
  }

  @Test
  void shouldWaitForTheIntervalButScanAtOnceWhenAReconcileIsRequested() {
    registry.publish("registry.example.com/app-name", "v1");
    ImageRepository repository = Fixtures.parse(REPOSITORY, ImageRepository.class);
    reconciler.reconcileOnce(repository);
    clock.advance(Duration.ofSeconds(20));

    Verdict early = reconciler.reconcileOnce(repository);

    assertThat(registry.scans).isEqualTo(1);
    assertThat(early.requeueAfter()).contains(Duration.ofSeconds(40));
    assertThat(events.last()).isEqualTo(
        "TRACE Succeeded: no change in repository configuration since last scan, next scan in 40s");

    repository.getMetadata().setAnnotations(Map.of(ApiGroups.RECONCILE_REQUEST_ANNOTATION, "now-1"));
    reconciler.reconcileOnce(repository);

    assertThat(registry.scans).isEqualTo(2);
    assertThat(repository.getStatus().getLastHandledReconcileAt()).isEqualTo("now-1");
    assertThat(events.last()).isEqualTo("TRACE Succeeded: tags did not change, next scan in 1m0s");
  }

  @Test
  void shouldStallOnAnImageWithAUrlSchemeWithoutRetrying() {
    ImageRepository repository = Fixtures.parse(REPOSITORY.replace("registry.example.com",
        "https://registry.example.com"), ImageRepository.class);

    Verdict verdict = reconciler.reconcileOnce(repository);

    assertThat(verdict.state()).isEqualTo(Verdict.State.STALLED);
    assertThat(verdict.requeueAfter()).isEmpty();
    assertThat(ready(repository).getStatus()).isEqualTo("False");
    assertThat(ready(repository).getReason()).isEqualTo(ConditionReasons.IMAGE_URL_INVALID);
    assertThat(Conditions.find(repository.getStatus().getConditions(), "Stalled"))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
    assertThat(events.last()).startsWith("WARNING ImageURLInvalid: image 'https://");
    assertThat(registry.scans).isZero();
  }

  @Test
  void shouldStallACloudProviderWithAServiceAccountWhileTheWorkloadIdentityGateIsOff() {
    ImageRepository repository = Fixtures.parse(REPOSITORY.replace("interval: 1m",
        "interval: 1m, provider: aws, serviceAccountName: ecr-reader"), ImageRepository.class);

    Verdict verdict = reconciler.reconcileOnce(repository);

    assertThat(verdict.state()).isEqualTo(Verdict.State.STALLED);
    assertThat(ready(repository).getReason()).isEqualTo(ConditionReasons.FEATURE_GATE_DISABLED);
    assertThat(ready(repository).getMessage()).isEqualTo("to use spec.serviceAccountName for provider "
        + "authentication please enable the ObjectLevelWorkloadIdentity feature gate in the controller");
    assertThat(Conditions.find(repository.getStatus().getConditions(), "Stalled"))
        .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo(ConditionReasons.FEATURE_GATE_DISABLED));
    assertThat(registry.scans).isZero();
  }

  @Test
  void shouldNeedNoGateForTheServiceAccountsPullSecretsOrForACloudProviderWithoutOne() {
    registry.publish("registry.example.com/app-name", "v1");
    ImageRepository generic = Fixtures.parse(REPOSITORY.replace("interval: 1m",
        "interval: 1m, serviceAccountName: puller"), ImageRepository.class);
    ImageRepository controllerIdentity = Fixtures.parse(REPOSITORY.replace("interval: 1m",
        "interval: 1m, provider: aws"), ImageRepository.class);

    assertThat(reconciler.reconcileOnce(generic).isReady()).isTrue();
    assertThat(reconciler.reconcileOnce(controllerIdentity).isReady()).isTrue();
  }

  @Test
  void shouldLetTheGateAllowACloudProviderWithAServiceAccount() {
    registry.publish("registry.example.com/app-name", "v1");
    OperatorConfig gateOn = OperatorConfig.from(Map.of(OperatorSetting.FEATURE_GATES,
        "ObjectLevelWorkloadIdentity=true"), Map.of());
    ImageRepository repository = Fixtures.parse(REPOSITORY.replace("interval: 1m",
        "interval: 1m, provider: aws, serviceAccountName: ecr-reader"), ImageRepository.class);

    Verdict verdict = new ImageRepositoryReconciler(registry, Fixtures.recorder(clock, events), gateOn)
        .reconcileOnce(repository);

    assertThat(verdict.isReady()).isTrue();
  }

  @Test
  void shouldRetryARegistryFailureAndKeepTheTransitionTimeWhileReadyStaysFalse() {
    registry.failWith(ReconcileProblem.retry(ConditionReasons.READ_OPERATION_FAILED,
        "scan failed: connection refused"));
    ImageRepository repository = Fixtures.parse(REPOSITORY, ImageRepository.class);

    Verdict first = reconciler.reconcileOnce(repository);
    String firstTransition = ready(repository).getLastTransitionTime();
    clock.advance(Duration.ofSeconds(30));
    reconciler.reconcileOnce(repository);

    assertThat(first.state()).isEqualTo(Verdict.State.RETRY);
    assertThat(ready(repository).getReason()).isEqualTo(ConditionReasons.READ_OPERATION_FAILED);
    assertThat(ready(repository).getLastTransitionTime()).isEqualTo(firstTransition);
    assertThat(Conditions.find(repository.getStatus().getConditions(), "Reconciling"))
        .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo(ConditionReasons.PROGRESSING_WITH_RETRY));
    assertThat(events.events).allMatch(e -> e.startsWith("WARNING ReadOperationFailed: scan failed"));

    registry.failWith(null);
    registry.publish("registry.example.com/app-name", "v1");
    clock.advance(Duration.ofSeconds(30));
    reconciler.reconcileOnce(repository);

    assertThat(ready(repository).getStatus()).isEqualTo("True");
    assertThat(ready(repository).getLastTransitionTime()).isEqualTo("2026-11-25T10:01:00Z");
  }

  @Test
  void shouldOnlyRecordTheHandledRequestWhileSuspended() {
    ImageRepository repository = Fixtures.parse(REPOSITORY.replace("interval: 1m", "interval: 1m, suspend: true"),
        ImageRepository.class);
    repository.getMetadata().setAnnotations(Map.of(ApiGroups.RECONCILE_REQUEST_ANNOTATION, "now-2"));

    Verdict verdict = reconciler.reconcileOnce(repository);

    assertThat(verdict.state()).isEqualTo(Verdict.State.SUSPENDED);
    assertThat(registry.scans).isZero();
    assertThat(repository.getStatus().getConditions()).isNull();
    assertThat(repository.getStatus().getLastHandledReconcileAt()).isEqualTo("now-2");
    assertThat(events.events).isEmpty();
  }

  @Test
  void shouldForgetTheStoredTagsWhenDeleted() {
    registry.publish("registry.example.com/app-name", "v1");
    ImageRepository repository = Fixtures.parse(REPOSITORY, ImageRepository.class);
    reconciler.reconcileOnce(repository);

    reconciler.cleanup(repository, null);

    assertThat(registry.storedTags(repository)).isEmpty();
  }

  private static Condition ready(ImageRepository repository) {
    return Conditions.find(repository.getStatus().getConditions(), "Ready").orElseThrow();
  }
}
