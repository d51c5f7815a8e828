package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.config.OperatorSetting;
import dev.imageautomation.git.GitCredentials;
import dev.imageautomation.git.provider.AzureDevOpsTokens;
import dev.imageautomation.git.provider.GitHubAppTokens;
import dev.imageautomation.identity.EntraIdWorkloadIdentity;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.testing.FakeEntraId;
import dev.imageautomation.testing.TestCertificates;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code provider: azure} with object-level workload identity: the ServiceAccount named in a GitRepository of
 * namespace {@code apps} is read from the automation's namespace {@code flux-system}, as in Flux; its TokenRequest
 * token becomes the client assertion the real Azure Identity SDK shows a local HTTPS Entra ID.
 */
class GitProvidersWorkloadIdentityTest {

  private static final String AUTOMATION_NAMESPACE = "flux-system";
  private static final String ACCOUNT_TOKEN = "sa-token-flux-system-git-reader";
  private static final Map<OperatorSetting, String> GATE_ON = Map.of(OperatorSetting.FEATURE_GATES,
      "ObjectLevelWorkloadIdentity=true");
  private static TestCertificates tls;

  private final InMemoryCluster cluster = new InMemoryCluster();
  private final List<String> issued = new CopyOnWriteArrayList<>();
  private final FakeEntraId entra = FakeEntraId.start(tls, ACCOUNT_TOKEN, "entra-token-for-git-reader");

  @BeforeAll
  static void certificates() {
    tls = TestCertificates.temporary();
  }

  @AfterAll
  static void removeCertificates() {
    tls.delete();
  }

  @AfterEach
  void stopEntra() {
    entra.close();
  }

  /** Tokens as an API server issues them, one per account; the operator's own identity must never be asked. */
  private GitSecrets secrets(Map<OperatorSetting, String> flags) {
    cluster.issuingTokens((namespace, name, audience) -> {
      issued.add(namespace + "/" + name + " " + audience);
      return "sa-token-" + namespace + "-" + name;
    });
    AzureDevOpsTokens azure = new AzureDevOpsTokens(proxy -> {
      throw new AssertionError("the operator's own identity was asked for");
    }, entra.serviceAccounts(), Clock.systemUTC());
    return new GitSecrets(cluster, new GitProviders(OperatorConfig.from(flags, Map.of()),
        new GitHubAppTokens(Clock.systemUTC()), azure));
  }

  @Test
  void shouldSendTheEntraIdTokenOfTheAccountInTheAutomationsNamespaceAsBearer() throws Exception {
    account(AUTOMATION_NAMESPACE, "git-reader", FakeEntraId.CLIENT);
    account("apps", "git-reader", "client-of-the-repository-namespace");

    GitCredentials credentials = secrets(GATE_ON).credentialsOf(azure("serviceAccountName: git-reader"),
        AUTOMATION_NAMESPACE);

    assertThat(credentials.bearerToken()).isEqualTo("entra-token-for-git-reader");
    assertThat(issued).isNotEmpty().containsOnly("flux-system/git-reader " + EntraIdWorkloadIdentity.AUDIENCE);
    assertThat(entra.tokenRequests()).singleElement().asString()
        .contains("client_id=" + FakeEntraId.CLIENT, "client_assertion=" + ACCOUNT_TOKEN, AzureDevOpsTokens.SCOPE);
  }

  @Test
  void shouldAuthenticateAsTheDefaultServiceAccountWhenTheRepositoryNamesNone() throws Exception {
    account(AUTOMATION_NAMESPACE, "git-reader", FakeEntraId.CLIENT);

    GitCredentials credentials = secrets(lockedDownTo("git-reader")).credentialsOf(azure(), AUTOMATION_NAMESPACE);

    assertThat(credentials.bearerToken()).isEqualTo("entra-token-for-git-reader");
    assertThat(issued).containsOnly("flux-system/git-reader " + EntraIdWorkloadIdentity.AUDIENCE);
  }

  @Test
  void shouldRetryWhileTheAccountIsMissingSayingWhoMustCreateIt() {
    assertRetriedWith(() -> secrets(GATE_ON).credentialsOf(azure("serviceAccountName: git-reader"),
        AUTOMATION_NAMESPACE), "failed to get service account 'flux-system/git-reader': serviceaccounts "
            + "\"git-reader\" not found");
    assertRetriedWith(() -> secrets(lockedDownTo("tenant-default")).credentialsOf(azure(), AUTOMATION_NAMESPACE),
        "failed to get service account 'flux-system/tenant-default': "
            + WorkloadIdentityPolicy.DEFAULT_ACCOUNT_MISSING);
    assertThat(issued).isEmpty();
    assertThat(entra.tokenRequests()).isEmpty();
  }

  @Test
  void shouldRetryWhenTheAccountNamesNoEntraIdApplication() {
    cluster.add(new ServiceAccountBuilder().withNewMetadata().withName("git-reader")
        .withNamespace(AUTOMATION_NAMESPACE).endMetadata().build());

    assertRetriedWith(() -> secrets(GATE_ON).credentialsOf(azure("serviceAccountName: git-reader"),
        AUTOMATION_NAMESPACE), "failed to get provider identity from service account 'flux-system/git-reader' "
            + "annotations: azure client ID is not set in the service account annotation "
            + ServiceAccountIdentity.AZURE_CLIENT_ID);
  }

  @Test
  void shouldRetryWhenTheApiServerRefusesTheAccountsToken() {
    account(AUTOMATION_NAMESPACE, "git-reader", FakeEntraId.CLIENT);
    GitSecrets secrets = secrets(GATE_ON);
    cluster.issuingTokens((namespace, name, audience) -> {
      throw new IllegalStateException("serviceaccounts \"git-reader\" is forbidden");
    });

    assertRetriedWith(() -> secrets.credentialsOf(azure("serviceAccountName: git-reader"), AUTOMATION_NAMESPACE),
        "azure: failed to create kubernetes token for service account 'flux-system/git-reader': "
            + "serviceaccounts \"git-reader\" is forbidden");
    assertThat(entra.tokenRequests()).isEmpty();
  }

  @Test
  void shouldRetryWhenEntraIdRefusesTheAccountWithoutShowingItsToken() {
    account(AUTOMATION_NAMESPACE, "other-reader", FakeEntraId.CLIENT);

    assertThatThrownBy(() -> secrets(GATE_ON).credentialsOf(azure("serviceAccountName: other-reader"),
        AUTOMATION_NAMESPACE))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
          assertThat(problem.state()).isEqualTo(Verdict.State.RETRY);
          assertThat(problem.reason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
        })
        .hasMessageStartingWith("failed configuring source manager: failed to configure authentication options: "
            + "azure: getting an Entra ID token for Azure DevOps as service account 'flux-system/other-reader' "
            + "failed: ")
        .hasMessageContaining("AADSTS700211")
        .hasMessageNotContaining("sa-token-");
  }

  @Test
  void shouldLeaveTheAccountToProvidersThatUseOne() {
    account(AUTOMATION_NAMESPACE, "git-reader", FakeEntraId.CLIENT);
    GitSecrets secrets = secrets(GATE_ON);

    assertThatThrownBy(() -> secrets.credentialsOf(GitSecretsTest.repository("apps",
        "provider: github\nserviceAccountName: git-reader"), AUTOMATION_NAMESPACE))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> assertThat(problem.reason())
            .isEqualTo(ConditionReasons.INVALID_SOURCE_CONFIGURATION));
    assertThatThrownBy(() -> secrets.credentialsOf(GitSecretsTest.repository("apps",
        "provider: aws\nserviceAccountName: git-reader"), AUTOMATION_NAMESPACE))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> assertThat(problem.reason())
            .isEqualTo(ConditionReasons.INVALID_SOURCE_CONFIGURATION))
        .hasMessageStartingWith("provider 'aws' is not supported yet");
    assertThat(issued).isEmpty();
  }

  private void account(String namespace, String name, String clientId) {
    cluster.add(new ServiceAccountBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .addToAnnotations(ServiceAccountIdentity.AZURE_CLIENT_ID, clientId)
        .addToAnnotations(ServiceAccountIdentity.AZURE_TENANT_ID, FakeEntraId.TENANT).endMetadata().build());
  }

  private static Map<OperatorSetting, String> lockedDownTo(String account) {
    return Map.of(OperatorSetting.FEATURE_GATES, "ObjectLevelWorkloadIdentity=true",
        OperatorSetting.DEFAULT_SERVICE_ACCOUNT, account);
  }

  /** An Azure DevOps GitRepository in namespace {@code apps}, not the automation's. */
  private static GitRepository azure(String... specLines) {
    return GitSecretsTest.repository("apps", "https://dev.azure.com/org/project/_git/app", "provider: azure"
        + (specLines.length == 0 ? "" : "\n" + String.join("\n", specLines)));
  }

  private static void assertRetriedWith(ThrowingCallable call, String why) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
          assertThat(problem.state()).isEqualTo(Verdict.State.RETRY);
          assertThat(problem.reason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
        })
        .hasMessage("failed configuring source manager: failed to configure authentication options: " + why);
  }
}
