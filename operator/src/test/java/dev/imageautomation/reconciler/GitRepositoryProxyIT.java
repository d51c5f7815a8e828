package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.git.GitWorkspaces;
import dev.imageautomation.testing.ConnectProxy;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.StartedGitServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GitRepository.spec.proxySecretRef} end to end: the reconciler reads the proxy Secret and every git
 * conversation of a run (clone, push, and the next run's ls-remote) goes through a real CONNECT proxy to the real
 * HTTPS and SSH git servers.
 */
class GitRepositoryProxyIT {

  @StartedGitServers
  private static GitServers servers;

  @TempDir Path cache;


  @Test
  void shouldCloneAndPushOverHttpsThroughTheProxyOfTheProxySecret() throws Exception {
    String name = AutomationHarness.newRepository(servers, "proxied");
    try (ConnectProxy proxy = ConnectProxy.open()) {
      AutomationHarness harness = harness()
          .secret("git-auth", Map.of("username", servers.httpUser(), "password", servers.httpPassword(),
              "ca.crt", servers.caCertificate()))
          .secret("proxy", Map.of("address", proxy.address()))
          .source(servers.httpsUrl(name), "secretRef: {name: git-auth}", "proxySecretRef: {name: proxy}");
      ImageUpdateAutomation automation = harness.automation();

      assertThat(harness.run(automation).isReady()).isTrue();
      int tunnelsOfFirstRun = proxy.tunnels().size();
      assertThat(harness.run(automation).isReady()).isTrue();

      assertThat(AutomationHarness.deployed(servers, name)).contains("registry.example.com/app:v2");
      assertThat(tunnelsOfFirstRun).as("clone and push went through the proxy").isGreaterThanOrEqualTo(2);
      assertThat(proxy.tunnels()).as("the second run's ls-remote too").hasSizeGreaterThan(tunnelsOfFirstRun)
          .allMatch(target -> target.startsWith("127.0.0.1:"));
      assertThat(harness.events.last()).contains("no change since last reconciliation");
    }
  }

  @Test
  void shouldCloneAndPushOverHttpsThroughAnAuthenticatingProxy() throws Exception {
    String name = AutomationHarness.newRepository(servers, "proxied");
    try (ConnectProxy proxy = ConnectProxy.requiringBasicAuth("proxy-user", "proxy-pass-654")) {
      AutomationHarness harness = harness()
          .secret("git-auth", Map.of("username", servers.httpUser(), "password", servers.httpPassword(),
              "ca.crt", servers.caCertificate()))
          .secret("proxy", Map.of("address", proxy.address(), "username", "proxy-user",
              "password", "proxy-pass-654"))
          .source(servers.httpsUrl(name), "secretRef: {name: git-auth}", "proxySecretRef: {name: proxy}");
      ImageUpdateAutomation automation = harness.automation();

      assertThat(harness.run(automation).isReady())
          .as("Ready: %s", AutomationHarness.ready(automation).getMessage()).isTrue();

      assertThat(AutomationHarness.deployed(servers, name)).contains("registry.example.com/app:v2");
      assertThat(proxy.tunnels()).isNotEmpty();
    }
  }

  @Test
  void shouldCloneAndPushOverSshThroughTheProxy() throws Exception {
    String name = AutomationHarness.newRepository(servers, "proxied");
    try (ConnectProxy proxy = ConnectProxy.open()) {
      AutomationHarness harness = harness()
          .secret("git-auth", Map.of("identity", servers.sshIdentity(), "known_hosts", servers.sshKnownHosts()))
          .secret("proxy", Map.of("address", proxy.address()))
          .source(servers.sshUrl(name), "secretRef: {name: git-auth}", "proxySecretRef: {name: proxy}");
      ImageUpdateAutomation automation = harness.automation();

      assertThat(harness.run(automation).isReady()).isTrue();

      assertThat(AutomationHarness.deployed(servers, name)).contains("registry.example.com/app:v2");
      assertThat(proxy.tunnels()).isNotEmpty();
    }
  }

  @Test
  void shouldReportAProxyThatRefusesTheConnectionAsAGitFailure() throws Exception {
    String name = AutomationHarness.newRepository(servers, "proxied");
    ConnectProxy closed = ConnectProxy.open();
    String address = closed.address();
    closed.close();
    AutomationHarness harness = harness()
        .secret("proxy", Map.of("address", address))
        .source(servers.httpUrl(name), "proxySecretRef: {name: proxy}");
    ImageUpdateAutomation automation = harness.automation();

    assertThat(harness.run(automation).isReady()).isFalse();

    assertThat(AutomationHarness.ready(automation).getReason()).isEqualTo(ConditionReasons.GIT_OPERATION_FAILED);
    assertThat(AutomationHarness.deployed(servers, name)).contains("registry.example.com/app:v1");
  }

  private AutomationHarness harness() {
    return new AutomationHarness(cluster -> new GitSourceUpdater(cluster, new GitWorkspaces(cache)));
  }
}
