package dev.imageautomation.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The defaulting accessors apply Flux's defaults where the API server's schema defaults do not reach. */
class ApiDefaultsTest {

  @Test
  void shouldExcludeSignaturesWhenTheExclusionListIsAbsentOrEmpty() {
    ImageRepositorySpec spec = new ImageRepositorySpec();
    assertThat(spec.effectiveExclusionList()).containsExactly("^.*\\.sig$");

    spec.setExclusionList(List.of());
    assertThat(spec.effectiveExclusionList()).as("[] cannot disable the default, as in Flux")
        .containsExactly("^.*\\.sig$");

    spec.setExclusionList(List.of("^dev-"));
    assertThat(spec.effectiveExclusionList()).containsExactly("^dev-");
  }

  @ParameterizedTest(name = "interval {0}, timeout {1} -> {2}")
  @CsvSource({"5m,, PT5M", "5m, 30s, PT30S", "1h, 1m30s, PT1M30S", "500ms,, PT1S", "5m, 100ms, PT1S"})
  void shouldScanWithTheTimeoutElseTheIntervalButNeverUnderOneSecond(String interval, String timeout,
      Duration expected) {
    ImageRepositorySpec spec = new ImageRepositorySpec();
    spec.setInterval(interval);
    spec.setTimeout(timeout);

    assertThat(spec.effectiveTimeout()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} with interval {1} -> {2}")
  @CsvSource({"Always, 15m, PT15M", "Always,, PT10M", "Always, 0s, PT10M", "IfNotPresent,, PT0S", "Never,, PT0S",
      ",, PT0S"})
  void shouldRequeuePoliciesOnlyWhenDigestsAreAlwaysReflected(String policy, String interval, Duration expected) {
    ImagePolicySpec spec = new ImagePolicySpec();
    spec.setDigestReflectionPolicy(policy == null ? null : DigestReflectionPolicy.valueOf(toConstant(policy)));
    spec.setInterval(interval);

    assertThat(spec.effectiveInterval()).isEqualTo(expected);
  }

  @Test
  void shouldDefaultEnumsLikeTheSchema() {
    assertThat(new ImageRepositorySpec().effectiveProvider()).isEqualTo(RegistryProvider.GENERIC);
    assertThat(new ImagePolicySpec().effectiveDigestReflectionPolicy()).isEqualTo(DigestReflectionPolicy.NEVER);
    assertThat(new AlphabeticalPolicySpec().effectiveOrder()).isEqualTo(SortOrder.ASC);
    assertThat(new NumericalPolicySpec().effectiveOrder()).isEqualTo(SortOrder.ASC);
    assertThat(new SigningKey().effectiveType()).isEqualTo(SigningKeyType.GPG);
    assertThat(new UpdateStrategy().effectiveStrategy()).isEqualTo(UpdateStrategyName.SETTERS);
    assertThat(new GitRepositorySpec().effectiveProvider()).isEqualTo(GitProvider.GENERIC);
    assertThat(new GitRepositorySpec().effectiveTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "push {0}, checkout {1}, GitRepository ref {2} -> {3}")
  @CsvSource({
    "auto, main, dev, auto",
    ", main, dev, main",
    ", , dev, dev",
    ", , , ",
  })
  void shouldPushToTheNamedBranchElseTheCheckoutBranch(String push, String checkout, String sourceBranch,
      String expected) {
    GitSpec git = new GitSpec();
    if (push != null) {
      git.setPush(new PushSpec());
      git.getPush().setBranch(push);
    }
    if (checkout != null) {
      git.setCheckout(new GitCheckoutSpec());
      git.getCheckout().setRef(branch(checkout));
    }

    assertThat(git.effectivePushBranch(sourceBranch == null ? null : branch(sourceBranch)).orElse(null))
        .isEqualTo(expected);
  }

  @Test
  void shouldNotInferAPushBranchFromATagCheckout() {
    GitSpec git = new GitSpec();
    git.setCheckout(new GitCheckoutSpec());
    git.getCheckout().setRef(new GitRepositoryRef());
    git.getCheckout().getRef().setTag("v1.0.0");

    assertThat(git.effectivePushBranch(branch("main"))).as("checkout ref replaces the GitRepository's").isEmpty();
  }

  @Test
  void shouldRenderTheLatestImageAsNameColonTag() {
    assertThat(new ImageRef("ghcr.io/org/app", "v1.2.3", "sha256:abc").toImage()).isEqualTo("ghcr.io/org/app:v1.2.3");
  }

  @Test
  void shouldKeepThePreviousRefAndTheLatestImageInStepWithTheLatestRef() {
    ImagePolicyStatus status = new ImagePolicyStatus();
    ImageRef first = new ImageRef("ghcr.io/org/app", "1.0.0");
    ImageRef second = new ImageRef("ghcr.io/org/app", "1.1.0");

    status.updateLatest(first);
    assertThat(status.getObservedPreviousRef()).as("nothing before the first selection").isNull();
    assertThat(status.getLatestImage()).isEqualTo("ghcr.io/org/app:1.0.0");

    status.updateLatest(new ImageRef("ghcr.io/org/app", "1.0.0"));
    assertThat(status.getObservedPreviousRef()).as("an unchanged selection keeps the previous ref").isNull();

    status.updateLatest(second);
    assertThat(status.getObservedPreviousRef()).isEqualTo(first);
    assertThat(status.getLatestRef()).isEqualTo(second);
    assertThat(status.getLatestImage()).isEqualTo("ghcr.io/org/app:1.1.0");
  }

  @Test
  void shouldResolveReferencesToTheirOwnNamespaceByDefault() {
    ImageRepositoryReference ref = new ImageRepositoryReference();
    ref.setName("app");
    assertThat(ref.namespaceOr("apps")).isEqualTo("apps");
    ref.setNamespace("flux-system");
    assertThat(ref.namespaceOr("apps")).isEqualTo("flux-system");
  }

  private static GitRepositoryRef branch(String name) {
    GitRepositoryRef ref = new GitRepositoryRef();
    ref.setBranch(name);
    return ref;
  }

  private static String toConstant(String value) {
    return value.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
  }
}
