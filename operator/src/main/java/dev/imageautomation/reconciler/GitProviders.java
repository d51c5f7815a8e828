package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.git.GitCredentials;
import dev.imageautomation.git.provider.AzureDevOpsTokens;
import dev.imageautomation.git.provider.GitHubApp;
import dev.imageautomation.git.provider.GitHubAppTokens;
import dev.imageautomation.git.provider.GitProviderException;
import dev.imageautomation.git.provider.ProviderToken;
import dev.imageautomation.identity.ServiceAccountIdentity;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GitRepository.spec.provider}: how the credentials from the Secret become the ones git uses. {@code generic}
 * keeps them (and refuses GitHub App keys, which would be ignored); {@code github} trades the Secret's GitHub App
 * keys for an installation token, sent as Basic auth with user {@code x-access-token}; {@code azure} asks Entra ID
 * for an Azure DevOps token, sent as a bearer token, with the operator's identity or (object-level workload identity,
 * see {@link WorkloadIdentityPolicy}) a ServiceAccount's, read like Flux from the <em>automation's</em> namespace;
 * {@code aws} (CodeCommit) is not supported yet and stalls. A spec that cannot work stalls with
 * InvalidSourceConfiguration; a provider that fails to issue a token is SourceManagerFailed (retried).
 */
public final class GitProviders {

  static final String APP_ID = "githubAppID";
  static final String APP_PRIVATE_KEY = "githubAppPrivateKey";
  static final String APP_INSTALLATION_ID = "githubAppInstallationID";
  static final String APP_INSTALLATION_OWNER = "githubAppInstallationOwner";
  static final String APP_BASE_URL = "githubAppBaseURL";

  private final WorkloadIdentityPolicy workloadIdentity;
  private final GitHubAppTokens github;
  private final AzureDevOpsTokens azure;

  /**
   * @param config for the {@code ObjectLevelWorkloadIdentity} gate and {@code --default-service-account}
   */
  public GitProviders(OperatorConfig config, GitHubAppTokens github, AzureDevOpsTokens azure) {
    this.workloadIdentity = WorkloadIdentityPolicy.of(config);
    this.github = github;
    this.azure = azure;
  }

  /** The providers as the operator runs them (Azure Identity is only set up when a repository needs it). */
  public static GitProviders standard(OperatorConfig config, Clock clock) {
    return new GitProviders(config, new GitHubAppTokens(clock), AzureDevOpsTokens.standard(clock));
  }

  /**
   * @param secret the decoded {@code secretRef} Secret, empty when the GitRepository has none
   * @param fromSecret what the Secret and the proxy Secret give for {@code generic}
   * @param accounts where a ServiceAccount the provider authenticates as is read
   */
  GitCredentials credentialsFor(GitRepository source, Optional<Map<String, String>> secret,
      GitCredentials fromSecret, Accounts accounts) throws ReconcileProblem {
    return switch (source.getSpec().effectiveProvider()) {
      case GITHUB -> gitHubAppCredentials(source, secret, fromSecret);
      case AZURE -> azureCredentials(source, fromSecret, accounts);
      case AWS -> {
        workloadIdentity.requireGate(workloadIdentity.accountOf(source.getSpec()),
            WorkloadIdentityPolicy.REPOSITORY_GATE_MESSAGE);
        throw invalid("provider 'aws' is not supported yet: this operator cannot obtain CodeCommit credentials "
            + "from IAM; use provider 'generic' with CodeCommit HTTPS Git credentials ('username' and 'password') "
            + "in spec.secretRef of GitRepository '" + name(source) + "'");
      }
      case GENERIC -> {
        if (secret.isPresent() && present(secret.get(), APP_ID)) {
          throw invalid("secretRef '" + secretName(source) + "' has github app data but provider is not set to "
              + "github: set spec.provider to 'github' on GitRepository '" + name(source) + "', or remove '"
              + APP_ID + "' from the Secret");
        }
        yield fromSecret;
      }
    };
  }

  private GitCredentials gitHubAppCredentials(GitRepository source, Optional<Map<String, String>> secret,
      GitCredentials fromSecret) throws ReconcileProblem {
    if (secret.isEmpty()) {
      throw invalid("secretRef with github app data must be specified when provider is set to github: "
          + "GitRepository '" + name(source) + "' has no spec.secretRef");
    }
    requireHttps(source, "github");
    GitHubApp app = gitHubAppOf(secretName(source), secret.get());
    return fromSecret.withBasicAuth(GitHubAppTokens.USERNAME,
        issued(() -> github.installationToken(app, fromSecret)).value());
  }

  /**
   * A provider's token, or SourceManagerFailed (retried) with a message that holds no secret. Unusable account
   * annotations are retried too, as in Flux: the account is not part of the object's spec.
   */
  private static ProviderToken issued(Supplier<ProviderToken> provider) throws ReconcileProblem {
    try {
      return provider.get();
    } catch (GitProviderException | IllegalArgumentException e) {
      throw authenticationFailed(e.getMessage());
    }
  }

  private static ReconcileProblem authenticationFailed(String why) {
    return ReconcileProblem.retry(ConditionReasons.SOURCE_MANAGER_FAILED,
        "failed configuring source manager: failed to configure authentication options: " + why);
  }

  private static void requireHttps(GitRepository source, String provider) throws ReconcileProblem {
    if (source.getSpec().getUrl() == null || !source.getSpec().getUrl().startsWith("http")) {
      throw invalid("provider '" + provider + "' authenticates over HTTPS only; GitRepository '" + name(source)
          + "' needs an https:// URL");
    }
  }

  /** Gate permitting, as the ServiceAccount; else as the operator. Both over HTTPS only. */
  private GitCredentials azureCredentials(GitRepository source, GitCredentials fromSecret, Accounts accounts)
      throws ReconcileProblem {
    Optional<WorkloadIdentityPolicy.Account> account = workloadIdentity.accountOf(source.getSpec());
    workloadIdentity.requireGate(account, WorkloadIdentityPolicy.REPOSITORY_GATE_MESSAGE);
    requireHttps(source, "azure");
    if (account.isEmpty()) {
      return fromSecret.withBearerToken(issued(() -> azure.token(fromSecret.proxy())).value());
    }
    ServiceAccountIdentity identity = WorkloadIdentityPolicy.find(accounts.cluster(), accounts.namespace(),
        account.get(), GitProviders::authenticationFailed);
    return fromSecret.withBearerToken(issued(() -> azure.token(identity,
        WorkloadIdentityPolicy.tokensFrom(accounts.cluster()), fromSecret.proxy())).value());
  }

  /** The app from the Secret's keys (Flux's names); a missing or malformed key stalls with the key's name. */
  private static GitHubApp gitHubAppOf(String secretName, Map<String, String> data) throws ReconcileProblem {
    String prefix = "secretRef '" + secretName + "' ";
    if (!present(data, APP_ID) || !present(data, APP_PRIVATE_KEY)) {
      throw invalid(prefix + "must contain '" + APP_ID + "' and '" + APP_PRIVATE_KEY
          + "' when provider is set to github");
    }
    if (present(data, APP_INSTALLATION_ID) == present(data, APP_INSTALLATION_OWNER)) {
      throw invalid(prefix + "must contain exactly one of '" + APP_INSTALLATION_OWNER + "' or '"
          + APP_INSTALLATION_ID + "'");
    }
    try {
      Long installationId = present(data, APP_INSTALLATION_ID) ? number(data, APP_INSTALLATION_ID) : null;
      return GitHubApp.of(number(data, APP_ID), data.get(APP_PRIVATE_KEY), installationId,
          present(data, APP_INSTALLATION_OWNER) ? data.get(APP_INSTALLATION_OWNER).trim() : null,
          data.get(APP_BASE_URL));
    } catch (IllegalArgumentException e) {
      throw invalid("secretRef '" + secretName + "': " + e.getMessage());
    }
  }

  private static long number(Map<String, String> data, String key) {
    try {
      long value = Long.parseLong(data.get(key).trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException("'" + key + "' must be a positive number");
  }

  private static boolean present(Map<String, String> data, String key) {
    return data.get(key) != null && !data.get(key).isBlank();
  }

  private static ReconcileProblem invalid(String message) {
    return ReconcileProblem.stalled(ConditionReasons.INVALID_SOURCE_CONFIGURATION, message);
  }

  private static String name(GitRepository source) {
    return source.getMetadata().getNamespace() + "/" + source.getMetadata().getName();
  }

  private static String secretName(GitRepository source) {
    return source.getMetadata().getNamespace() + "/" + source.getSpec().getSecretRef().getName();
  }

  /**
   * Where the ServiceAccount named in a GitRepository is read: the automation's namespace, as Flux reads it, not
   * the GitRepository's.
   */
  record Accounts(ClusterReader cluster, String namespace) {}
}
