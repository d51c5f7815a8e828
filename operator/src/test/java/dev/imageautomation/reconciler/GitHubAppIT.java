package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.git.GitWorkspaces;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.testing.FakeGitHubApi;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.StartedGitServers;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provider: github} end to end: the reconciler signs the app JWT, a local HTTPS GitHub API (trusted through
 * the Secret's {@code ca.crt}, like the git server) checks it and issues an installation token, and the real
 * lighttpd smart-HTTP server, which accepts only {@code x-access-token:<that token>}, takes the clone and the push.
 */
class GitHubAppIT {

  private static final long APP_ID = 31337;
  private static final KeyPair APP_KEY = FakeGitHubApi.newAppKey();
  @StartedGitServers
  private static GitServers servers;

  @TempDir Path cache;
  private FakeGitHubApi api;


  @BeforeEach
  void startApi() {
    api = FakeGitHubApi.start(servers.certificates(), APP_ID, APP_KEY.getPublic(), Clock.systemUTC())
        .organizationInstallation("acme", 42).issuing(servers.appToken());
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Test
  void shouldCloneAndPushWithTheInstallationTokenOfTheApp() {
    String name = AutomationHarness.newRepository(servers, "app");
    AutomationHarness harness = harness().secret("github-app", appSecret(Map.of("githubAppInstallationOwner", "acme")))
        .source(servers.appTokenUrl(name), "provider: github", "secretRef: {name: github-app}");
    ImageUpdateAutomation automation = harness.automation();

    assertThat(harness.run(automation).isReady())
        .as("Ready: %s", AutomationHarness.ready(automation).getMessage()).isTrue();
    assertThat(harness.run(automation).isReady()).isTrue();

    assertThat(AutomationHarness.deployed(servers, name)).contains("registry.example.com/app:v2");
    assertThat(api.requests()).as("one token, looked up by owner, serves both runs").containsExactly(
        "GET /api/v3/orgs/acme/installation", "POST /api/v3/app/installations/42/access_tokens");
    assertThat(harness.events.last()).contains("no change since last reconciliation");
  }

  @Test
  void shouldBeRefusedByTheGitServerWhenTheAppIssuesAnotherToken() {
    api.issuing("ghs_not-the-token-the-server-wants");
    String name = AutomationHarness.newRepository(servers, "app");
    AutomationHarness harness = harness().secret("github-app", appSecret(Map.of("githubAppInstallationID", "42")))
        .source(servers.appTokenUrl(name), "provider: github", "secretRef: {name: github-app}");
    ImageUpdateAutomation automation = harness.automation();

    assertThat(harness.run(automation).isReady()).isFalse();

    assertThat(AutomationHarness.ready(automation).getReason()).isEqualTo(ConditionReasons.GIT_OPERATION_FAILED);
    assertThat(AutomationHarness.ready(automation).getMessage()).doesNotContain("ghs_not-the-token");
    assertThat(AutomationHarness.deployed(servers, name)).contains("registry.example.com/app:v1");
  }

  @Test
  void shouldRetryWithSourceManagerFailedWhileTheApiFails() {
    api.failingWith(503);
    String name = AutomationHarness.newRepository(servers, "app");
    AutomationHarness harness = harness().secret("github-app", appSecret(Map.of("githubAppInstallationID", "42")))
        .source(servers.appTokenUrl(name), "provider: github", "secretRef: {name: github-app}");
    ImageUpdateAutomation automation = harness.automation();

    assertThat(harness.run(automation).state()).isEqualTo(Verdict.State.RETRY);

    assertThat(AutomationHarness.ready(automation).getReason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
    assertThat(AutomationHarness.ready(automation).getMessage())
        .startsWith("failed configuring source manager: failed to configure authentication options: github: ")
        .contains("HTTP 503").doesNotContain("PRIVATE KEY");
  }

  private AutomationHarness harness() {
    return new AutomationHarness(cluster -> new GitSourceUpdater(cluster, new GitWorkspaces(cache),
        GitProviders.standard(OperatorConfig.defaults(), Clock.systemUTC())));
  }

  private Map<String, String> appSecret(Map<String, String> installation) {
    Map<String, String> data = new HashMap<>(installation);
    data.put("githubAppID", Long.toString(APP_ID));
    data.put("githubAppPrivateKey", FakeGitHubApi.pem(APP_KEY));
    data.put("githubAppBaseURL", api.baseUrl());
    data.put("ca.crt", servers.caCertificate());
    return data;
  }
}
