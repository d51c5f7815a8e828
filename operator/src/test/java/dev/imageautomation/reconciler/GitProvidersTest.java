package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.git.GitCredentials;
import dev.imageautomation.git.GitWorkspaces;
import com.azure.core.credential.AccessToken;
import dev.imageautomation.git.provider.AzureDevOpsTokens;
import dev.imageautomation.git.provider.GitHubAppTokens;
import dev.imageautomation.testing.FakeGitHubApi;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** What {@code spec.provider} makes of a GitRepository's Secret, and which wrong specs stall instead of retrying. */
class GitProvidersTest {

  private static final KeyPair APP_KEY = FakeGitHubApi.newAppKey();

  private final InMemoryCluster cluster = new InMemoryCluster();
  private final List<String> azureRequests = new ArrayList<>();
  private volatile String entraAnswer = "entra-token-123";
  private final AzureDevOpsTokens azure = new AzureDevOpsTokens(proxy -> context -> {
    azureRequests.add(String.join(",", context.getScopes()) + " via " + proxy.map(Object::toString).orElse("direct"));
    return entraAnswer == null ? Mono.error(new IllegalStateException("ManagedIdentityCredential authentication "
        + "unavailable.\nTo mitigate this issue, please refer to the troubleshooting guidelines"))
        : Mono.just(new AccessToken(entraAnswer, OffsetDateTime.now().plusHours(1)));
  }, Clock.systemUTC());
  private final GitSecrets secrets = secretsWith(OperatorConfig.defaults());

  @Test
  void shouldStallAGenericRepositoryWhoseSecretHoldsGitHubAppKeys() {
    cluster.add(GitSecretsTest.secret("apps", "auth", app(Map.of("githubAppInstallationID", "42"))));

    assertStalled(() -> secrets.credentialsOf(repository("secretRef: {name: auth}"), "apps"),
        "secretRef 'apps/auth' has github app data but provider is not set to github: set spec.provider to "
            + "'github' on GitRepository 'apps/source', or remove 'githubAppID' from the Secret");
  }

  @Test
  void shouldKeepTheSecretsCredentialsForAGenericRepository() throws Exception {
    cluster.add(GitSecretsTest.secret("apps", "auth", Map.of("username", "bot", "password", "pat-123")));

    GitCredentials credentials = secrets.credentialsOf(repository("secretRef: {name: auth}"), "apps");

    assertThat(credentials).isEqualTo(GitCredentials.basicAuth("bot", "pat-123"));
  }

  @Test
  void shouldStallAGitHubRepositoryWithoutASecretOrWithoutItsAppKeys() {
    assertStalled(() -> secrets.credentialsOf(repository("provider: github"), "apps"),
        "secretRef with github app data must be specified when provider is set to github: "
            + "GitRepository 'apps/source' has no spec.secretRef");

    cluster.add(GitSecretsTest.secret("apps", "pat", Map.of("username", "bot", "password", "pat-123")));
    assertStalled(() -> secrets.credentialsOf(repository("provider: github", "secretRef: {name: pat}"), "apps"),
        "secretRef 'apps/pat' must contain 'githubAppID' and 'githubAppPrivateKey' when provider is set to github");
  }

  @Test
  void shouldStallUnlessExactlyOneInstallationKeyIsGiven() {
    String expected = "secretRef 'apps/auth' must contain exactly one of 'githubAppInstallationOwner' or "
        + "'githubAppInstallationID'";
    cluster.add(GitSecretsTest.secret("apps", "auth", app(Map.of())));
    assertStalled(() -> secrets.credentialsOf(repository("provider: github", "secretRef: {name: auth}"), "apps"),
        expected);

    cluster.add(GitSecretsTest.secret("apps", "auth", app(Map.of("githubAppInstallationID", "42",
        "githubAppInstallationOwner", "acme"))));
    assertStalled(() -> secrets.credentialsOf(repository("provider: github", "secretRef: {name: auth}"), "apps"),
        expected);
  }

  @Test
  void shouldStallOnAppKeysThatCannotWorkNamingTheKeyButNotItsValue() {
    Map<String, String> badId = new HashMap<>(app(Map.of("githubAppInstallationID", "42")));
    badId.put("githubAppID", "my-app");
    cluster.add(GitSecretsTest.secret("apps", "auth", badId));
    assertStalled(() -> secrets.credentialsOf(repository("provider: github", "secretRef: {name: auth}"), "apps"),
        "secretRef 'apps/auth': 'githubAppID' must be a positive number");

    cluster.add(GitSecretsTest.secret("apps", "auth", Map.of("githubAppID", "1", "githubAppInstallationID", "42",
        "githubAppPrivateKey", "-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0LWtleQ==\n-----END RSA PRIVATE KEY-----")));
    assertStalled(() -> secrets.credentialsOf(repository("provider: github", "secretRef: {name: auth}"), "apps"),
        "secretRef 'apps/auth': 'githubAppPrivateKey' is not an unencrypted PEM private key");
  }

  @Test
  void shouldStallAGitHubRepositoryWithAnSshUrl() {
    cluster.add(GitSecretsTest.secret("apps", "auth", app(Map.of("githubAppInstallationID", "42"))));

    assertStalled(() -> secrets.credentialsOf(GitSecretsTest.repository("apps", "ssh://git@github.com/acme/app.git",
        "provider: github\nsecretRef: {name: auth}"), "apps"),
        "provider 'github' authenticates over HTTPS only; GitRepository 'apps/source' needs an https:// URL");
  }

  @Test
  void shouldRetryWhenTheGitHubApiCannotBeReachedWithoutShowingTheKey() {
    Map<String, String> data = new HashMap<>(app(Map.of("githubAppInstallationID", "42")));
    data.put("githubAppBaseURL", "http://127.0.0.1:9/api/v3");
    cluster.add(GitSecretsTest.secret("apps", "auth", data));

    assertThatThrownBy(() -> secrets.credentialsOf(repository("provider: github", "secretRef: {name: auth}"), "apps"))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
          assertThat(problem.state()).isEqualTo(Verdict.State.RETRY);
          assertThat(problem.reason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
        })
        .hasMessageStartingWith("failed configuring source manager: failed to configure authentication options: "
            + "github: calling /api/v3/app/installations/42/access_tokens of app 1234 at http://127.0.0.1:9/api/v3 "
            + "failed: cannot reach the API")
        .hasMessageNotContaining("PRIVATE KEY");
  }

  @Test
  void shouldSendTheEntraIdTokenOfTheOperatorAsBearerForAzure() throws Exception {
    cluster.add(GitSecretsTest.secret("apps", "tls", Map.of("ca.crt", "ca-pem", "username", "ignored",
        "password", "ignored-too")));
    cluster.add(GitSecretsTest.secret("apps", "proxy", Map.of("address", "http://proxy.internal:3128")));

    GitCredentials credentials = secrets.credentialsOf(repository("provider: azure", "secretRef: {name: tls}",
        "proxySecretRef: {name: proxy}"), "apps");

    assertThat(credentials.bearerToken()).isEqualTo("entra-token-123");
    assertThat(credentials.username()).isNull();
    assertThat(credentials.caCertificate()).isEqualTo("ca-pem");
    assertThat(azureRequests).containsExactly(AzureDevOpsTokens.SCOPE
        + " via ProxySettings[http://proxy.internal:3128]");
  }

  @Test
  void shouldRetryWhenTheOperatorHasNoAzureIdentity() {
    entraAnswer = null;

    assertThatThrownBy(() -> secrets.credentialsOf(repository("provider: azure"), "apps"))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
          assertThat(problem.state()).isEqualTo(Verdict.State.RETRY);
          assertThat(problem.reason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
        })
        .hasMessage("failed configuring source manager: failed to configure authentication options: azure: "
            + "getting an Entra ID token for Azure DevOps failed: ManagedIdentityCredential authentication "
            + "unavailable.");
  }

  @Test
  void shouldStallAnAzureRepositoryWithAnSshUrl() {
    assertStalled(() -> secrets.credentialsOf(GitSecretsTest.repository("apps",
        "ssh://git@ssh.dev.azure.com/v3/org/project/app", "provider: azure"), "apps"),
        "provider 'azure' authenticates over HTTPS only; GitRepository 'apps/source' needs an https:// URL");
    assertThat(azureRequests).isEmpty();
  }

  @Test
  void shouldStallACloudRepositoryNamingAServiceAccountWhileTheGateIsOff() {
    for (String provider : new String[] {"azure", "aws"}) {
      assertThatThrownBy(() -> secrets.credentialsOf(repository("provider: " + provider,
          "serviceAccountName: git-reader"), "apps"))
          .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
            assertThat(problem.state()).isEqualTo(Verdict.State.STALLED);
            assertThat(problem.reason()).isEqualTo(ConditionReasons.FEATURE_GATE_DISABLED);
          })
          .hasMessage("to use spec.serviceAccountName for provider authentication please enable the "
              + "ObjectLevelWorkloadIdentity feature gate in the controller");
    }
    assertThat(azureRequests).isEmpty();
  }

  @Test
  void shouldMarkTheAutomationStalledWithoutRetryingWhenTheGateIsOff(@TempDir Path cache) {
    AutomationHarness harness = new AutomationHarness(reader -> new GitSourceUpdater(reader,
        new GitWorkspaces(cache), new GitProviders(OperatorConfig.defaults(), new GitHubAppTokens(Clock.systemUTC()),
            azure))).source("https://dev.azure.com/org/project/_git/app", "provider: azure",
                "serviceAccountName: git-reader");
    ImageUpdateAutomation automation = harness.automation();

    Verdict verdict = harness.run(automation);

    assertThat(verdict.state()).isEqualTo(Verdict.State.STALLED);
    assertThat(AutomationHarness.ready(automation).getStatus()).isEqualTo("False");
    assertThat(AutomationHarness.ready(automation).getReason()).isEqualTo(ConditionReasons.FEATURE_GATE_DISABLED);
    assertThat(Conditions.find(automation.getStatus().getConditions(), "Stalled").orElseThrow().getReason())
        .isEqualTo(ConditionReasons.FEATURE_GATE_DISABLED);
    assertThat(azureRequests).isEmpty();
  }

  @Test
  void shouldIgnoreAServiceAccountForProvidersThatDoNotUseOne() throws Exception {
    GitCredentials credentials = secrets.credentialsOf(repository("serviceAccountName: git-reader"), "apps");

    assertThat(credentials).isEqualTo(GitCredentials.NONE);
  }

  @Test
  void shouldStallAwsAsNotSupportedYetWithWhatToDoInstead() {
    assertStalled(() -> secrets.credentialsOf(repository("provider: aws"), "apps"),
        "provider 'aws' is not supported yet: this operator cannot obtain CodeCommit credentials from IAM; use "
            + "provider 'generic' with CodeCommit HTTPS Git credentials ('username' and 'password') in "
            + "spec.secretRef of GitRepository 'apps/source'");
  }

  private GitSecrets secretsWith(OperatorConfig config) {
    return new GitSecrets(cluster, new GitProviders(config, new GitHubAppTokens(Clock.systemUTC()), azure));
  }

  private static Map<String, String> app(Map<String, String> more) {
    Map<String, String> data = new HashMap<>(more);
    data.put("githubAppID", "1234");
    data.put("githubAppPrivateKey", FakeGitHubApi.pem(APP_KEY));
    return data;
  }

  private static void assertStalled(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
          assertThat(problem.state()).isEqualTo(Verdict.State.STALLED);
          assertThat(problem.reason()).isEqualTo(ConditionReasons.INVALID_SOURCE_CONFIGURATION);
        })
        .hasMessage(message);
  }

  private static GitRepository repository(String... specLines) {
    return GitSecretsTest.repository("apps", String.join("\n", specLines));
  }
}
