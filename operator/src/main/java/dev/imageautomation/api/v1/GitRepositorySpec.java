package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The part of Flux's GitRepository ({@code source.toolkit.fluxcd.io/v1}) spec that image automation
 * reads: where the repository is, how to authenticate, which ref. The remaining fields are modelled so that
 * manifests round-trip; the automation ignores them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositorySpec {

  @Required
  @Pattern("^(http|https|ssh)://.*$")
  @JsonPropertyDescription(
      "URL specifies the Git repository URL, it can be an HTTP/S or SSH address.")
  private String url;

  @JsonPropertyDescription(
      "SecretRef specifies the Secret containing authentication credentials for the GitRepository. For "
          + "HTTPS repositories the Secret must contain 'username' and 'password' fields for basic auth or "
          + "'bearerToken' field for token auth. For SSH repositories the Secret must contain 'identity' and "
          + "'known_hosts' fields.")
  private LocalObjectReference secretRef;

  @JsonPropertyDescription(
      "Provider used for authentication, can be 'azure', 'github', 'aws', 'generic'. When not "
          + "specified, defaults to 'generic'.")
  private GitProvider provider;

  @JsonPropertyDescription(
      "ServiceAccountName is the name of the Kubernetes ServiceAccount used to authenticate to the "
          + "GitRepository. This field is only supported for 'azure' and 'aws' providers.")
  private String serviceAccountName;

  @Required
  @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
  @JsonPropertyDescription(
      "Interval at which the GitRepository URL is checked for updates. This interval is approximate and"
          + " may be subject to jitter to ensure efficient use of resources.")
  private String interval;

  @Default("60s")
  @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m))+$")
  @JsonPropertyDescription(
      "Timeout for Git operations like cloning, defaults to 60s.")
  private String timeout;

  @JsonPropertyDescription(
      "Reference specifies the Git reference to resolve and monitor for changes, defaults to the "
          + "'master' branch.")
  private GitRepositoryRef ref;

  @JsonPropertyDescription(
      "Verification specifies the configuration to verify the Git commit signature(s).")
  private GitRepositoryVerification verify;

  @JsonPropertyDescription(
      "ProxySecretRef specifies the Secret containing the proxy configuration to use while "
          + "communicating with the Git server.")
  private LocalObjectReference proxySecretRef;

  @JsonPropertyDescription(
      "Ignore overrides the set of excluded patterns in the .sourceignore format (which is the same as "
          + ".gitignore). If not provided, a default will be used, consult the documentation for your version"
          + " to find out what those are.")
  private String ignore;

  @JsonPropertyDescription(
      "Suspend tells the controller to suspend the reconciliation of this GitRepository.")
  private Boolean suspend;

  @JsonPropertyDescription(
      "RecurseSubmodules enables the initialization of all submodules within the GitRepository as "
          + "cloned from the URL, using their default settings.")
  private Boolean recurseSubmodules;

  @JsonPropertyDescription(
      "Include specifies a list of GitRepository resources which Artifacts should be included in the "
          + "Artifact produced for this GitRepository.")
  private List<GitRepositoryInclude> include;

  @JsonPropertyDescription(
      "SparseCheckout specifies a list of directories to checkout when cloning the repository. If "
          + "specified, only these directories are included in the Artifact produced for this GitRepository.")
  private List<String> sparseCheckout;

  public GitRepositorySpec() {}

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }

  public GitProvider getProvider() {
    return provider;
  }

  public void setProvider(GitProvider provider) {
    this.provider = provider;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public GitRepositoryRef getRef() {
    return ref;
  }

  public void setRef(GitRepositoryRef ref) {
    this.ref = ref;
  }

  public GitRepositoryVerification getVerify() {
    return verify;
  }

  public void setVerify(GitRepositoryVerification verify) {
    this.verify = verify;
  }

  public LocalObjectReference getProxySecretRef() {
    return proxySecretRef;
  }

  public void setProxySecretRef(LocalObjectReference proxySecretRef) {
    this.proxySecretRef = proxySecretRef;
  }

  public String getIgnore() {
    return ignore;
  }

  public void setIgnore(String ignore) {
    this.ignore = ignore;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public Boolean getRecurseSubmodules() {
    return recurseSubmodules;
  }

  public void setRecurseSubmodules(Boolean recurseSubmodules) {
    this.recurseSubmodules = recurseSubmodules;
  }

  public List<GitRepositoryInclude> getInclude() {
    return include;
  }

  public void setInclude(List<GitRepositoryInclude> include) {
    this.include = include;
  }

  public List<String> getSparseCheckout() {
    return sparseCheckout;
  }

  public void setSparseCheckout(List<String> sparseCheckout) {
    this.sparseCheckout = sparseCheckout;
  }

  /** The Git operation deadline: {@code timeout}, else 60 seconds (the CRD default). */
  public Duration effectiveTimeout() {
    return GoDuration.parseOrDefault(timeout, Duration.ofSeconds(60));
  }

  /** The credential provider in force ({@code generic} when absent). */
  public GitProvider effectiveProvider() {
    return provider == null ? GitProvider.GENERIC : provider;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitRepositorySpec other)) {
      return false;
    }
    return Objects.equals(url, other.url)
        && Objects.equals(secretRef, other.secretRef)
        && Objects.equals(provider, other.provider)
        && Objects.equals(serviceAccountName, other.serviceAccountName)
        && Objects.equals(interval, other.interval)
        && Objects.equals(timeout, other.timeout)
        && Objects.equals(ref, other.ref)
        && Objects.equals(verify, other.verify)
        && Objects.equals(proxySecretRef, other.proxySecretRef)
        && Objects.equals(ignore, other.ignore)
        && Objects.equals(suspend, other.suspend)
        && Objects.equals(recurseSubmodules, other.recurseSubmodules)
        && Objects.equals(include, other.include)
        && Objects.equals(sparseCheckout, other.sparseCheckout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        url,
        secretRef,
        provider,
        serviceAccountName,
        interval,
        timeout,
        ref,
        verify,
        proxySecretRef,
        ignore,
        suspend,
        recurseSubmodules,
        include,
        sparseCheckout);
  }

  @Override
  public String toString() {
    return "GitRepositorySpec{"
        + "url=" + url + ", "
        + "secretRef=" + secretRef + ", "
        + "provider=" + provider + ", "
        + "serviceAccountName=" + serviceAccountName + ", "
        + "interval=" + interval + ", "
        + "timeout=" + timeout + ", "
        + "ref=" + ref + ", "
        + "verify=" + verify + ", "
        + "proxySecretRef=" + proxySecretRef + ", "
        + "ignore=" + ignore + ", "
        + "suspend=" + suspend + ", "
        + "recurseSubmodules=" + recurseSubmodules + ", "
        + "include=" + include + ", "
        + "sparseCheckout=" + sparseCheckout
        + "}";
  }
}
