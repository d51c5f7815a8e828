package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImagePolicyStatus;
import dev.imageautomation.api.v1.ImageRef;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositoryStatus;
import dev.imageautomation.api.v1.ScanResult;
import org.junit.jupiter.api.Test;

class EventSourcesTest {

  @Test
  void shouldWakePoliciesOnlyWhenTheScannedTagSetChanges() {
    assertThat(EventSources.scanResultChanged(repository(null), repository("rev-1"))).isTrue();
    assertThat(EventSources.scanResultChanged(repository("rev-1"), repository("rev-2"))).isTrue();
    assertThat(EventSources.scanResultChanged(repository("rev-1"), repository("rev-1"))).isFalse();
    assertThat(EventSources.scanResultChanged(repository("rev-1"), repository(null))).isFalse();
  }

  @Test
  void shouldWakeAutomationsOnlyWhenALatestRefAppearsOrChangesInNameTagOrDigest() {
    assertThat(EventSources.latestRefChanged(policy(null), policy(new ImageRef("app", "1")))).isTrue();
    assertThat(EventSources.latestRefChanged(policy(new ImageRef("app", "1")), policy(new ImageRef("app", "2"))))
        .isTrue();
    assertThat(EventSources.latestRefChanged(policy(new ImageRef("app", "1")),
        policy(new ImageRef("app", "1", "sha256:" + "a".repeat(64))))).isTrue();
    assertThat(EventSources.latestRefChanged(policy(new ImageRef("app", "1")), policy(new ImageRef("app", "1"))))
        .isFalse();
    assertThat(EventSources.latestRefChanged(policy(new ImageRef("app", "1")), policy(null))).isFalse();
  }

  @Test
  void shouldIndexAPolicyByTheRepositoryItReferencesDefaultingToItsOwnNamespace() {
    ImagePolicy local = Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata: {name: p, namespace: apps}
        spec: {imageRepositoryRef: {name: repo}, policy: {alphabetical: {}}}
        """, ImagePolicy.class);
    ImagePolicy remote = Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata: {name: p, namespace: apps}
        spec: {imageRepositoryRef: {name: repo, namespace: shared}, policy: {alphabetical: {}}}
        """, ImagePolicy.class);

    assertThat(EventSources.repositoryKey(local)).isEqualTo("apps/repo");
    assertThat(EventSources.repositoryKey(remote)).isEqualTo("shared/repo");
  }

  private static ImageRepository repository(String revision) {
    ImageRepository repository = new ImageRepository();
    ImageRepositoryStatus status = new ImageRepositoryStatus();
    if (revision != null) {
      ScanResult result = new ScanResult();
      result.setRevision(revision);
      status.setLastScanResult(result);
    }
    repository.setStatus(status);
    return repository;
  }

  private static ImagePolicy policy(ImageRef latest) {
    ImagePolicy policy = new ImagePolicy();
    ImagePolicyStatus status = new ImagePolicyStatus();
    status.setLatestRef(latest);
    policy.setStatus(status);
    return policy;
  }
}
