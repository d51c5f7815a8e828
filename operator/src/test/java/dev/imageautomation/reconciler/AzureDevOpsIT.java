package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.config.OperatorSetting;
import dev.imageautomation.git.GitWorkspaces;
import dev.imageautomation.git.provider.AzureDevOpsTokens;
import dev.imageautomation.git.provider.GitHubAppTokens;
import dev.imageautomation.identity.EntraIdWorkloadIdentity;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.testing.FakeEntraId;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.StartedGitServers;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provider: azure} end to end: Azure Identity's workload identity credential (configured by the variables
 * AKS injects), or a ServiceAccount's client assertion credential, gets an Azure DevOps token from a local HTTPS
 * Entra ID, and the real lighttpd smart-HTTP server, which wants exactly that {@code Authorization: Bearer}, takes
 * the clone and the push.
 */
class AzureDevOpsIT {

  private static final String SERVICE_ACCOUNT_TOKEN = "projected-service-account-token";
  @StartedGitServers
  private static GitServers servers;

  @TempDir Path cache;
  @TempDir Path podFiles;


  @Test
  void shouldCloneAndPushWithTheEntraIdTokenAsBearer() {
    String name = AutomationHarness.newRepository(servers, "devops");
    try (FakeEntraId entra = FakeEntraId.start(servers.certificates(), SERVICE_ACCOUNT_TOKEN, servers.bearerToken())) {
      AutomationHarness harness = harness(entra, SERVICE_ACCOUNT_TOKEN)
          .secret("tls", Map.of("ca.crt", servers.caCertificate()))
          .source(servers.bearerUrl(name), "provider: azure", "secretRef: {name: tls}");
      ImageUpdateAutomation automation = harness.automation();

      assertThat(harness.run(automation).isReady())
          .as("Ready: %s", AutomationHarness.ready(automation).getMessage()).isTrue();

      assertThat(AutomationHarness.deployed(servers, name)).contains("registry.example.com/app:v2");
      assertThat(entra.tokenRequests()).hasSize(1);
    }
  }

  @Test
  void shouldRetryWithSourceManagerFailedWhenEntraIdRefusesTheIdentity() {
    String name = AutomationHarness.newRepository(servers, "refused");
    try (FakeEntraId entra = FakeEntraId.start(servers.certificates(), SERVICE_ACCOUNT_TOKEN, servers.bearerToken())) {
      AutomationHarness harness = harness(entra, "a-token-from-another-cluster")
          .source(servers.bearerUrl(name), "provider: azure");
      ImageUpdateAutomation automation = harness.automation();

      assertThat(harness.run(automation).state()).isEqualTo(Verdict.State.RETRY);

      assertThat(AutomationHarness.ready(automation).getReason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
      assertThat(AutomationHarness.ready(automation).getMessage())
          .startsWith("failed configuring source manager: failed to configure authentication options: azure: ")
          .doesNotContain("a-token-from-another-cluster");
    }
  }

  private AutomationHarness harness(FakeEntraId entra, String serviceAccountToken) {
    AzureDevOpsTokens azure = new AzureDevOpsTokens(
        proxy -> entra.workloadIdentity(podFiles, serviceAccountToken), Clock.systemUTC());
    return new AutomationHarness(cluster -> new GitSourceUpdater(cluster, new GitWorkspaces(cache),
        new GitProviders(OperatorConfig.defaults(), new GitHubAppTokens(Clock.systemUTC()), azure)));
  }

  @Test
  void shouldCloneAndPushAsTheServiceAccountOfTheAutomationsNamespace() {
    String name = AutomationHarness.newRepository(servers, "devops-account");
    List<String> issued = new CopyOnWriteArrayList<>();
    try (FakeEntraId entra = FakeEntraId.start(servers.certificates(), "token-of-flux-system/git-reader",
        servers.bearerToken())) {
      AutomationHarness harness = accountHarness(entra)
          .sourceIn("sources", servers.bearerUrl(name), "provider: azure", "serviceAccountName: git-reader",
              "secretRef: {name: tls}");
      harness.cluster.add(GitSecretsTest.secret("sources", "tls", Map.of("ca.crt", servers.caCertificate())))
          .add(annotatedAccount("flux-system", FakeEntraId.CLIENT))
          .add(annotatedAccount("sources", "an-application-the-automation-must-not-use"))
          .issuingTokens((namespace, account, audience) -> {
            issued.add(namespace + "/" + account + " " + audience);
            return "token-of-" + namespace + "/" + account;
          });
      ImageUpdateAutomation automation = harness.automation();

      assertThat(harness.run(automation).isReady())
          .as("Ready: %s", AutomationHarness.ready(automation).getMessage()).isTrue();

      assertThat(AutomationHarness.deployed(servers, name)).contains("registry.example.com/app:v2");
      assertThat(issued).isNotEmpty().containsOnly("flux-system/git-reader " + EntraIdWorkloadIdentity.AUDIENCE);
      assertThat(entra.tokenRequests()).singleElement().asString()
          .contains("client_id=" + FakeEntraId.CLIENT, "client_assertion=token-of-flux-system/git-reader");
    }
  }

  @Test
  void shouldRetryWithSourceManagerFailedWhileTheAutomationsNamespaceLacksTheAccount() {
    String name = AutomationHarness.newRepository(servers, "devops-no-account");
    try (FakeEntraId entra = FakeEntraId.start(servers.certificates(), "unused", servers.bearerToken())) {
      AutomationHarness harness = accountHarness(entra)
          .sourceIn("sources", servers.bearerUrl(name), "provider: azure", "serviceAccountName: git-reader");
      harness.cluster.add(annotatedAccount("sources", FakeEntraId.CLIENT));
      ImageUpdateAutomation automation = harness.automation();

      assertThat(harness.run(automation).state()).isEqualTo(Verdict.State.RETRY);

      assertThat(AutomationHarness.ready(automation).getReason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
      assertThat(AutomationHarness.ready(automation).getMessage()).isEqualTo("failed configuring source manager: "
          + "failed to configure authentication options: failed to get service account 'flux-system/git-reader': "
          + "serviceaccounts \"git-reader\" not found");
      assertThat(entra.tokenRequests()).isEmpty();
    }
  }

  /** The operator with the ObjectLevelWorkloadIdentity gate on; its own Azure identity must not be asked. */
  private AutomationHarness accountHarness(FakeEntraId entra) {
    AzureDevOpsTokens azure = new AzureDevOpsTokens(proxy -> {
      throw new AssertionError("the operator's own identity was asked for");
    }, entra.serviceAccounts(), Clock.systemUTC());
    OperatorConfig gateOn = OperatorConfig.from(Map.of(OperatorSetting.FEATURE_GATES,
        "ObjectLevelWorkloadIdentity=true"), Map.of());
    return new AutomationHarness(cluster -> new GitSourceUpdater(cluster, new GitWorkspaces(cache),
        new GitProviders(gateOn, new GitHubAppTokens(Clock.systemUTC()), azure)));
  }

  private static ServiceAccount annotatedAccount(String namespace, String clientId) {
    return new ServiceAccountBuilder().withNewMetadata().withName("git-reader").withNamespace(namespace)
        .addToAnnotations(ServiceAccountIdentity.AZURE_CLIENT_ID, clientId)
        .addToAnnotations(ServiceAccountIdentity.AZURE_TENANT_ID, FakeEntraId.TENANT).endMetadata().build();
  }
}
