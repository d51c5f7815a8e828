package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.git.GitCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GitRepository's Secrets as the git engine sees them, and the conditions a wrong Secret leads to. */
class GitSecretsTest {

  private static final GitProviders PROVIDERS = GitProviders.standard(dev.imageautomation.config.OperatorConfig.defaults(),
      java.time.Clock.systemUTC());

  private final InMemoryCluster cluster = new InMemoryCluster();
  private final GitSecrets secrets = new GitSecrets(cluster, PROVIDERS);

  @Test
  void shouldReadTheProxySecretOfTheGitRepositorysNamespace() throws Exception {
    cluster.add(secret("apps", "proxy", Map.of("address", "http://proxy.internal:3128", "username", "pu",
        "password", "proxy-pass")));

    GitCredentials credentials = secrets.credentialsOf(repository("apps", "proxySecretRef: {name: proxy}"), "apps");

    assertThat(credentials.proxy()).isEqualTo(new GitCredentials.ProxySettings("http://proxy.internal:3128", "pu",
        "proxy-pass"));
    assertThat(credentials.toString()).doesNotContain("proxy-pass");
  }

  @Test
  void shouldTakeTheProxyUserFromTheAddressWhenTheSecretHasNone() throws Exception {
    cluster.add(secret("apps", "proxy", Map.of("address", "socks5://bot:p%40ss@proxy.internal:1080")));

    GitCredentials.ProxySettings proxy = secrets.credentialsOf(repository("apps", "proxySecretRef: {name: proxy}"),
        "apps").proxy();

    assertThat(proxy.username()).isEqualTo("bot");
    assertThat(proxy.password()).isEqualTo("p@ss");
    assertThat(proxy.toString()).doesNotContain("p%40ss", "p@ss");
  }

  @Test
  void shouldRetryWithSourceManagerFailedWhenTheProxySecretIsMissing() {
    GitRepository repository = repository("apps", "proxySecretRef: {name: proxy}");

    assertThatThrownBy(() -> secrets.credentialsOf(repository, "apps"))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
          assertThat(problem.reason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
          assertThat(problem.state()).isEqualTo(Verdict.State.RETRY);
        })
        .hasMessage("failed configuring source manager: secrets \"proxy\" not found in namespace 'apps'");
  }

  @Test
  void shouldRetryWithSourceManagerFailedWhenTheProxyAddressIsMissingOrUnusable() {
    assertProxyProblem(Map.of("username", "pu"), "proxy 'address' is required");
    assertProxyProblem(Map.of("address", "ftp://proxy:21"), "must be an http, https or socks5 URL");
    assertProxyProblem(Map.of("address", "http://" + "p".repeat(2048)), "longer than 2048 characters");
    assertProxyProblem(Map.of("address", "http://user:hunter2@"), "has no host");
  }

  private void assertProxyProblem(Map<String, String> data, String expected) {
    InMemoryCluster own = new InMemoryCluster().add(secret("apps", "proxy", data));
    assertThatThrownBy(() -> new GitSecrets(own, PROVIDERS).credentialsOf(repository("apps",
        "proxySecretRef: {name: proxy}"), "apps"))
        .isInstanceOfSatisfying(ReconcileProblem.class, problem -> {
          assertThat(problem.reason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
          assertThat(problem.state()).isEqualTo(Verdict.State.RETRY);
        })
        .hasMessageStartingWith("failed configuring source manager: proxy secret 'apps/proxy': ")
        .hasMessageContaining(expected)
        .hasMessageNotContaining("hunter2");
  }

  static GitRepository repository(String namespace, String specLines) {
    return repository(namespace, "https://git.example.test/app.git", specLines);
  }

  static GitRepository repository(String namespace, String url, String specLines) {
    return Fixtures.parse("""
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata: {name: source, namespace: %s}
        spec:
          url: %s
          interval: 1m
          %s
        """.formatted(namespace, url, specLines.replace("\n", "\n  ")), GitRepository.class);
  }

  static Secret secret(String namespace, String name, Map<String, String> stringData) {
    return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withStringData(stringData).build();
  }
}
