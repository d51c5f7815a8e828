package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.GitRepositoryArtifact;
import dev.imageautomation.api.v1.GitRepositoryStatus;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImagePolicyStatus;
import dev.imageautomation.api.v1.ImageRef;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositoryStatus;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
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
  void shouldWakeOnlyTheAutomationsWhosePolicySelectorSelectsThePolicy() {
    ImagePolicy frontend = Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata: {name: web, namespace: apps, labels: {tier: frontend}}
        spec: {imageRepositoryRef: {name: repo}, policy: {alphabetical: {}}}
        """, ImagePolicy.class);

    assertThat(EventSources.mightSelect(selecting("{}"), frontend)).isTrue();
    assertThat(EventSources.mightSelect(selecting("{matchLabels: {tier: frontend}}"), frontend)).isTrue();
    assertThat(EventSources.mightSelect(selecting("{matchLabels: {tier: backend}}"), frontend)).isFalse();
    assertThat(EventSources.mightSelect(selecting(
        "{matchExpressions: [{key: tier, operator: NotIn, values: [frontend]}]}"), frontend)).isFalse();
    assertThat(EventSources.mightSelect(selecting(
        "{matchExpressions: [{key: tier, operator: Sometimes}]}"), frontend)).isTrue();
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

  @Test
  void shouldWakeAutomationsOnAGitRepositorySpecEditButNotOnANewArtifact() {
    GitRepository before = gitRepository(3L, "main@sha1:aaa");

    assertThat(EventSources.generationChanged(before, gitRepository(4L, "main@sha1:aaa"))).isTrue();
    assertThat(EventSources.generationChanged(before, gitRepository(3L, "main@sha1:bbb"))).isFalse();
    assertThat(EventSources.generationChanged(before, gitRepository(3L, "main@sha1:aaa"))).isFalse();
  }

  @Test
  void shouldIndexAnAutomationByTheGitRepositoryItsSourceRefResolvesTo() {
    ImageUpdateAutomation local = automation("{kind: GitRepository, name: fleet}");
    ImageUpdateAutomation remote = automation("{kind: GitRepository, name: fleet, namespace: flux-system}");

    assertThat(EventSources.sourceKey(local)).isEqualTo("apps/fleet");
    assertThat(EventSources.sourceKey(remote)).isEqualTo("flux-system/fleet");
    assertThat(EventSources.sourceKey(gitRepository(1L, null))).isEqualTo("flux-system/fleet");
  }

  private static ImageUpdateAutomation automation(String sourceRef) {
    return automation(sourceRef, "{}");
  }

  private static ImageUpdateAutomation selecting(String policySelector) {
    return automation("{kind: GitRepository, name: fleet}", policySelector);
  }

  private static ImageUpdateAutomation automation(String sourceRef, String policySelector) {
    return Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageUpdateAutomation
        metadata: {name: auto, namespace: apps}
        spec: {interval: 5m, sourceRef: %s, policySelector: %s, update: {strategy: Setters}}
        """.formatted(sourceRef, policySelector), ImageUpdateAutomation.class);
  }

  private static GitRepository gitRepository(long generation, String artifactRevision) {
    GitRepository repository = Fixtures.parse("""
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata: {name: fleet, namespace: flux-system}
        spec: {url: 'https://example.com/fleet.git', interval: 1m}
        """, GitRepository.class);
    repository.getMetadata().setGeneration(generation);
    GitRepositoryArtifact artifact = new GitRepositoryArtifact();
    artifact.setRevision(artifactRevision);
    GitRepositoryStatus status = new GitRepositoryStatus();
    status.setArtifact(artifact);
    repository.setStatus(status);
    return repository;
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
