package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.git.GitWorkspaces;
import dev.imageautomation.git.provider.AzureDevOpsTokens;
import dev.imageautomation.git.provider.GitHubAppTokens;
import dev.imageautomation.testing.FakeEntraId;
import dev.imageautomation.testing.GitServers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provider: azure} end to end: Azure Identity's workload identity credential (configured by the variables
 * AKS injects) gets an Azure DevOps token from a local HTTPS Entra ID, and the real lighttpd smart-HTTP server,
 * which wants exactly that {@code Authorization: Bearer}, takes the clone and the push.
 */
class AzureDevOpsIT {

  private static final String SERVICE_ACCOUNT_TOKEN = "projected-service-account-token";
  private static GitServers servers;

  @TempDir Path cache;
  @TempDir Path podFiles;

  @BeforeAll
  static void startServers() {
    servers = GitServers.start();
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

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
}
