package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokenException;
import dev.imageautomation.registry.CredentialProvider;
import dev.imageautomation.registry.CredentialProviders;
import dev.imageautomation.registry.CredentialSource;
import dev.imageautomation.registry.ImageReference;
import dev.imageautomation.registry.RegistryCredentials;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code secretRef} and {@code serviceAccountName}'s pull secrets, read from an in-memory cluster. */
class RegistryAuthOptionsTest {

  private final InMemoryCluster cluster = new InMemoryCluster();
  private final RegistryAuthOptions auth = new RegistryAuthOptions(cluster, new CredentialProviders(Clock.systemUTC()),
      new WorkloadIdentityPolicy(false, Optional.empty()));
  private final List<String> tokenRequests = new ArrayList<>();

  private static ImageRepository repository(String spec) {
    return Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata: {name: app-name, namespace: apps}
        spec: {image: ghcr.io/org/app-name, interval: 1m, %s}
        """.formatted(spec), ImageRepository.class);
  }

  private void dockerSecret(String name, String key, String user) {
    cluster.add(new SecretBuilder().withNewMetadata().withName(name).withNamespace("apps").endMetadata()
        .withType("kubernetes.io/dockerconfigjson").withStringData(Map.of(".dockerconfigjson",
            "{\"auths\":{\"" + key + "\":{\"username\":\"" + user + "\",\"password\":\"pw\"}}}")).build());
  }

  private void serviceAccount(String name, String... pullSecrets) {
    var account = new ServiceAccountBuilder().withNewMetadata().withName(name).withNamespace("apps").endMetadata();
    for (String secret : pullSecrets) {
      account.addNewImagePullSecret(secret);
    }
    cluster.add(account.build());
  }

  private static RegistryCredentials userFor(CredentialSource source, String image) {
    return source.credentialsFor(ImageReference.parse(image));
  }

  @Test
  void shouldMergeSecretRefWithTheServiceAccountsPullSecrets() throws Exception {
    dockerSecret("ghcr-auth", "ghcr.io", "from-secret-ref");
    dockerSecret("quay-auth", "quay.io", "from-service-account");
    serviceAccount("scanner", "quay-auth");

    CredentialSource source = auth.credentials(repository("secretRef: {name: ghcr-auth}, "
        + "serviceAccountName: scanner"));

    assertThat(userFor(source, "ghcr.io/org/app-name")).isEqualTo(RegistryCredentials.basic("from-secret-ref", "pw"));
    assertThat(userFor(source, "quay.io/org/app")).isEqualTo(RegistryCredentials.basic("from-service-account", "pw"));
  }

  @Test
  void shouldPreferSecretRefThenTheServiceAccountsOrderForTheSameRegistryKey() throws Exception {
    dockerSecret("ghcr-auth", "https://ghcr.io/v2/", "from-secret-ref");
    dockerSecret("first", "ghcr.io", "first-pull-secret");
    dockerSecret("second", "ghcr.io", "second-pull-secret");
    serviceAccount("scanner", "first", "second");

    CredentialSource both = auth.credentials(repository("secretRef: {name: ghcr-auth}, serviceAccountName: scanner"));
    CredentialSource accountOnly = auth.credentials(repository("serviceAccountName: scanner"));

    assertThat(userFor(both, "ghcr.io/org/app-name")).isEqualTo(RegistryCredentials.basic("from-secret-ref", "pw"));
    assertThat(userFor(accountOnly, "ghcr.io/org/app-name"))
        .isEqualTo(RegistryCredentials.basic("first-pull-secret", "pw"));
  }

  @Test
  void shouldLetTheMostSpecificKeyWinAcrossAllSecretsAsTheKubernetesKeychainDoes() throws Exception {
    dockerSecret("ghcr-auth", "ghcr.io", "whole-registry");
    dockerSecret("org-only", "ghcr.io/org", "org-scoped");
    serviceAccount("scanner", "org-only");

    CredentialSource source = auth.credentials(repository("secretRef: {name: ghcr-auth}, "
        + "serviceAccountName: scanner"));

    assertThat(userFor(source, "ghcr.io/org/app-name")).isEqualTo(RegistryCredentials.basic("org-scoped", "pw"));
    assertThat(userFor(source, "ghcr.io/other/app")).isEqualTo(RegistryCredentials.basic("whole-registry", "pw"));
  }

  @Test
  void shouldIgnorePullSecretsThatAreNotDockerConfigs() throws Exception {
    cluster.add(new SecretBuilder().withNewMetadata().withName("opaque").withNamespace("apps").endMetadata()
        .withType("Opaque").withStringData(Map.of("username", "u")).build());
    serviceAccount("scanner", "opaque");

    CredentialSource source = auth.credentials(repository("serviceAccountName: scanner"));

    assertThat(userFor(source, "ghcr.io/org/app-name")).isEqualTo(RegistryCredentials.ANONYMOUS);
  }

  @Test
  void shouldFailAuthenticationRetryablyWhenTheServiceAccountIsMissing() {
    assertThatThrownBy(() -> auth.credentials(repository("serviceAccountName: nobody")))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
          assertThat(problem.reason()).isEqualTo(ConditionReasons.AUTHENTICATION_FAILED);
          assertThat(problem.state()).isEqualTo(Verdict.State.RETRY);
        })
        .hasMessage("failed to configure authentication options: serviceaccount 'apps/nobody' not found");
  }

  @Test
  void shouldNameTheServiceAccountWhenOneOfItsPullSecretsIsMissing() {
    dockerSecret("present", "ghcr.io", "u");
    serviceAccount("scanner", "present", "absent");

    assertThatThrownBy(() -> auth.credentials(repository("serviceAccountName: scanner")))
        .hasMessage("failed to configure authentication options: failed to get image pull secret for "
            + "serviceaccount 'apps/scanner': secret 'apps/absent' not found");
  }

  @Test
  void shouldStillFailOnAMissingSecretRefAsBefore() {
    assertThatThrownBy(() -> auth.credentials(repository("secretRef: {name: absent}")))
        .hasMessage("failed to configure authentication options: secrets \"absent\" not found");
  }

  /** Gate on; aws's workload identity answers with the account's role and a token for audience {@code sts}. */
  private RegistryAuthOptions withWorkloadIdentity(Optional<String> defaultAccount) {
    cluster.issuingTokens((namespace, name, audience) -> {
      tokenRequests.add(namespace + "/" + name + " " + audience);
      return "token-of-" + name;
    });
    CredentialProviders providers = new CredentialProviders(Clock.systemUTC(),
        WorkloadIdentityPolicy.tokensFrom(cluster))
        .withWorkloadIdentity("aws", (account, tokens, clock) -> new CredentialProvider() {
          @Override
          public String name() {
            return "aws";
          }

          @Override
          public boolean supports(ImageReference image) {
            return true;
          }

          @Override
          public RegistryCredentials credentialsFor(ImageReference image) {
            return RegistryCredentials.basic(account.annotation(ServiceAccountIdentity.AWS_ROLE_ARN),
                tokens.issue(account, "sts"));
          }
        });
    return new RegistryAuthOptions(cluster, providers, new WorkloadIdentityPolicy(true, defaultAccount));
  }

  private void roleAccount(String name) {
    cluster.add(new ServiceAccountBuilder().withNewMetadata().withName(name).withNamespace("apps")
        .addToAnnotations(ServiceAccountIdentity.AWS_ROLE_ARN, "arn:aws:iam::123456789012:role/" + name)
        .endMetadata().build());
  }

  @Test
  void shouldAuthenticateACloudProviderAsTheNamedServiceAccountWithATokenFromTheCluster() throws Exception {
    roleAccount("ecr-reader");

    CredentialSource source = withWorkloadIdentity(Optional.empty())
        .credentials(repository("provider: aws, serviceAccountName: ecr-reader"));

    assertThat(userFor(source, "ghcr.io/org/app-name")).isEqualTo(RegistryCredentials.basic(
        "arn:aws:iam::123456789012:role/ecr-reader", "token-of-ecr-reader"));
    assertThat(tokenRequests).containsExactly("apps/ecr-reader sts");
  }

  @Test
  void shouldUseTheDefaultServiceAccountForCloudProvidersOnlyWhenTheObjectNamesNone() throws Exception {
    roleAccount("tenant-default");
    roleAccount("ecr-reader");
    RegistryAuthOptions locked = withWorkloadIdentity(Optional.of("tenant-default"));

    CredentialSource defaulted = locked.credentials(repository("provider: aws"));
    CredentialSource named = locked.credentials(repository("provider: aws, serviceAccountName: ecr-reader"));

    assertThat(userFor(defaulted, "ghcr.io/org/app-name").toString()).contains("role/tenant-default");
    assertThat(userFor(named, "ghcr.io/org/app-name").toString()).contains("role/ecr-reader");
    assertThat(locked.credentials(repository("suspend: false"))).isSameAs(CredentialSource.ANONYMOUS);
  }

  @Test
  void shouldExplainTheLockdownWhenTheDefaultServiceAccountIsMissingFromTheNamespace() {
    RegistryAuthOptions locked = withWorkloadIdentity(Optional.of("tenant-default"));

    assertThatThrownBy(() -> locked.credentials(repository("provider: aws")))
        .isInstanceOfSatisfying(ReconcileProblem.class,
            problem -> assertThat(problem.reason()).isEqualTo(ConditionReasons.AUTHENTICATION_FAILED))
        .hasMessage("failed to configure authentication options: failed to get service account "
            + "'apps/tenant-default': the specified default service account does not exist in the object namespace."
            + " your cluster is subject to multi-tenant workload identity lockdown, reach out to your cluster"
            + " administrator for help");
    assertThatThrownBy(() -> locked.credentials(repository("provider: aws, serviceAccountName: absent")))
        .hasMessage("failed to configure authentication options: failed to get service account 'apps/absent': "
            + "serviceaccounts \"absent\" not found");
  }

  @Test
  void shouldSayWhichAccountHadNoTokenWithoutAnyCredential() throws Exception {
    roleAccount("ecr-reader");
    CredentialSource source = withWorkloadIdentity(Optional.empty())
        .credentials(repository("provider: aws, serviceAccountName: ecr-reader"));
    cluster.issuingTokens((namespace, name, audience) -> {
      throw new IllegalStateException("serviceaccounts \"ecr-reader\" is forbidden");
    });

    assertThatThrownBy(() -> userFor(source, "ghcr.io/org/app-name"))
        .isInstanceOf(ServiceAccountTokenException.class)
        .hasMessage("failed to create kubernetes token for service account 'apps/ecr-reader': "
            + "serviceaccounts \"ecr-reader\" is forbidden");
  }

  @Test
  void shouldStallRatherThanAuthenticateAsTheAccountWhileTheGateIsOff() {
    roleAccount("ecr-reader");

    assertThatThrownBy(() -> auth.credentials(repository("provider: aws, serviceAccountName: ecr-reader")))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
          assertThat(problem.reason()).isEqualTo(ConditionReasons.FEATURE_GATE_DISABLED);
          assertThat(problem.state()).isEqualTo(Verdict.State.STALLED);
        });
  }
}
