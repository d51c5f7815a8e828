package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.api.v1.LocalObjectReference;
import dev.imageautomation.api.v1.SigningKey;
import dev.imageautomation.api.v1.SigningKeyType;
import dev.imageautomation.git.GitCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Secrets an automation needs into the git engine's records: the GitRepository's {@code secretRef} (in
 * the GitRepository's namespace; keys {@code username}, {@code password}, {@code bearerToken}, {@code ca.crt},
 * {@code tls.crt}, {@code tls.key}, {@code identity}, {@code known_hosts}) and the automation's
 * {@code git.commit.signingKey} (in the automation's namespace; {@code git.asc} + {@code passphrase}, or
 * {@code identity} + {@code password} for SSH), and the GitRepository's {@code proxySecretRef}. A missing Secret or
 * an unusable proxy address is SourceManagerFailed (retried), as in Flux; {@link GitProviders} turns the result into
 * provider credentials.
 */
final class GitSecrets {

  private final ClusterReader cluster;
  private final GitProviders providers;

  GitSecrets(ClusterReader cluster, GitProviders providers) {
    this.cluster = cluster;
    this.providers = providers;
  }

  /**
   * In Flux's order: the proxy Secret, the auth Secret, then what {@code spec.provider} makes of them.
   *
   * @param automationNamespace where a ServiceAccount the provider authenticates as is read (Flux's choice)
   */
  GitCredentials credentialsOf(GitRepository source, String automationNamespace) throws ReconcileProblem {
    GitCredentials.ProxySettings proxy = proxyOf(source);
    Optional<Map<String, String>> data = source.getSpec().getSecretRef() == null ? Optional.empty()
        : Optional.of(read(source.getMetadata().getNamespace(), source.getSpec().getSecretRef().getName()));
    GitCredentials fromSecret = data.map(d -> fromSecret(source, d)).orElse(GitCredentials.NONE).withProxy(proxy);
    return providers.credentialsFor(source, data, fromSecret,
        new GitProviders.Accounts(cluster, automationNamespace));
  }

  private static GitCredentials fromSecret(GitRepository source, Map<String, String> data) {
    boolean ssh = source.getSpec().getUrl() != null && source.getSpec().getUrl().startsWith("ssh://");
    return new GitCredentials(
        ssh ? null : data.get("username"),
        ssh ? null : data.get("password"),
        data.get("bearerToken"),
        Optional.ofNullable(data.get("ca.crt")).orElse(data.get("caFile")),
        data.get("tls.crt"),
        data.get("tls.key"),
        data.get("identity"),
        ssh ? data.get("password") : null,
        data.get("known_hosts"),
        null);
  }

  /** {@code proxySecretRef}: {@code address} (http, https or socks5 URL), optional {@code username}/{@code password}. */
  private GitCredentials.ProxySettings proxyOf(GitRepository source) throws ReconcileProblem {
    LocalObjectReference ref = source.getSpec().getProxySecretRef();
    if (ref == null || ref.getName() == null) {
      return null;
    }
    String namespace = source.getMetadata().getNamespace();
    Map<String, String> data = read(namespace, ref.getName());
    try {
      return new GitCredentials.ProxySettings(data.get("address"), data.get("username"), data.get("password"));
    } catch (IllegalArgumentException e) {
      throw ReconcileProblem.retry(ConditionReasons.SOURCE_MANAGER_FAILED, "failed configuring source manager: "
          + "proxy secret '" + namespace + "/" + ref.getName() + "': " + e.getMessage());
    }
  }

  dev.imageautomation.git.SigningKey signingKeyOf(ImageUpdateAutomation automation) throws ReconcileProblem {
    SigningKey key = automation.getSpec().getGit().getCommit().getSigningKey();
    if (key == null || key.getSecretRef() == null) {
      return null;
    }
    Map<String, String> data = read(automation.getMetadata().getNamespace(), key.getSecretRef().getName());
    if (key.effectiveType() == SigningKeyType.SSH) {
      return new dev.imageautomation.git.SigningKey.Ssh(require(data, "identity"), data.get("password"));
    }
    return new dev.imageautomation.git.SigningKey.OpenPgp(require(data, "git.asc"), data.get("passphrase"));
  }

  private Map<String, String> read(String namespace, String name) throws ReconcileProblem {
    Secret secret = cluster.secret(namespace, name).orElseThrow(() -> ReconcileProblem.retry(
        ConditionReasons.SOURCE_MANAGER_FAILED, "failed configuring source manager: secrets \"" + name
            + "\" not found in namespace '" + namespace + "'"));
    Map<String, String> decoded = new java.util.HashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> decoded.put(k, new String(Base64.getDecoder().decode(v),
          StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      decoded.putAll(secret.getStringData());
    }
    return decoded;
  }

  private static String require(Map<String, String> data, String key) throws ReconcileProblem {
    String value = data.get(key);
    if (value == null || value.isEmpty()) {
      throw ReconcileProblem.retry(ConditionReasons.SOURCE_MANAGER_FAILED,
          "failed configuring source manager: signing key secret has no '" + key + "'");
    }
    return value;
  }
}
