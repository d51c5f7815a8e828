package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The desired state of an ImageRepository: which image repository to scan, how often and with which
 * credentials. Defaulting accessors ({@link #effectiveExclusionList()}, {@link #effectiveTimeout()},
 * {@link #effectiveProvider()}) apply Flux's defaults when a field is absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageRepositorySpec {

  /** The exclusion applied when none is given: cosign signature tags. */
  public static final String DEFAULT_EXCLUSION = "^.*\\.sig$";

  /** The smallest registry deadline Flux allows. */
  public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

  @Required
  @JsonPropertyDescription(
      "Image is the name of the image repository (without scheme, tag or digest), for example "
          + "ghcr.io/org/app.")
  private String image;

  @Required
  @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
  @JsonPropertyDescription(
      "Interval is the length of time to wait between scans of the image repository.")
  private String interval;

  @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m))+$")
  @JsonPropertyDescription(
      "Timeout for image scanning. Defaults to 'Interval' duration.")
  private String timeout;

  @JsonPropertyDescription(
      "SecretRef can be given the name of a secret containing credentials to use for the image "
          + "registry. The secret should be created with `kubectl create secret docker-registry`, or the "
          + "equivalent.")
  private LocalObjectReference secretRef;

  @JsonPropertyDescription(
      "ProxySecretRef specifies the Secret containing the proxy configuration to use while "
          + "communicating with the container registry (keys: address, username, password).")
  private LocalObjectReference proxySecretRef;

  @Size(max = 253)
  @JsonPropertyDescription(
      "ServiceAccountName is the name of the Kubernetes ServiceAccount used to authenticate the image "
          + "pull if the service account has attached pull secrets, or to obtain workload-identity "
          + "credentials with a cloud provider.")
  private String serviceAccountName;

  @JsonPropertyDescription(
      "CertSecretRef can be given the name of a Secret containing either or both of a PEM-encoded "
          + "client certificate and private key (tls.crt, tls.key) and a PEM-encoded CA certificate (ca.crt).")
  private LocalObjectReference certSecretRef;

  @JsonPropertyDescription(
      "This flag tells the controller to suspend subsequent image scans. It does not apply to already "
          + "started scans. Defaults to false.")
  private Boolean suspend;

  @JsonPropertyDescription(
      "AccessFrom defines an ACL for allowing cross-namespace references to the ImageRepository object "
          + "based on the caller's namespace labels.")
  private AccessFrom accessFrom;

  @Default("[\"^.*\\\\.sig$\"]")
  @Size(max = 25)
  @JsonPropertyDescription(
      "ExclusionList is a list of regex strings used to exclude certain tags from being stored in the "
          + "database.")
  private List<String> exclusionList;

  @Default("generic")
  @JsonPropertyDescription(
      "The provider used for authentication, can be 'aws', 'azure', 'gcp' or 'generic'. When not "
          + "specified, defaults to 'generic'.")
  private RegistryProvider provider;

  @JsonPropertyDescription(
      "Insecure allows connecting to a non-TLS HTTP container registry.")
  private Boolean insecure;

  public ImageRepositorySpec() {}

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
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

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }

  public LocalObjectReference getProxySecretRef() {
    return proxySecretRef;
  }

  public void setProxySecretRef(LocalObjectReference proxySecretRef) {
    this.proxySecretRef = proxySecretRef;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public LocalObjectReference getCertSecretRef() {
    return certSecretRef;
  }

  public void setCertSecretRef(LocalObjectReference certSecretRef) {
    this.certSecretRef = certSecretRef;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public AccessFrom getAccessFrom() {
    return accessFrom;
  }

  public void setAccessFrom(AccessFrom accessFrom) {
    this.accessFrom = accessFrom;
  }

  public List<String> getExclusionList() {
    return exclusionList;
  }

  public void setExclusionList(List<String> exclusionList) {
    this.exclusionList = exclusionList;
  }

  public RegistryProvider getProvider() {
    return provider;
  }

  public void setProvider(RegistryProvider provider) {
    this.provider = provider;
  }

  public Boolean getInsecure() {
    return insecure;
  }

  public void setInsecure(Boolean insecure) {
    this.insecure = insecure;
  }

  /** The exclusion regexes in force: the list, or {@link #DEFAULT_EXCLUSION} when absent or empty (as in Flux). */
  public List<String> effectiveExclusionList() {
    return exclusionList == null || exclusionList.isEmpty() ? List.of(DEFAULT_EXCLUSION) : exclusionList;
  }

  /** The registry deadline of one scan: {@code timeout}, else {@code interval}, never below one second. */
  public Duration effectiveTimeout() {
    Duration value = GoDuration.parse(timeout == null || timeout.isEmpty() ? interval : timeout);
    return value.compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : value;
  }

  /** The credential provider in force ({@code generic} when absent). */
  public RegistryProvider effectiveProvider() {
    return provider == null ? RegistryProvider.GENERIC : provider;
  }

  /** Whether scanning is suspended. */
  public boolean suspended() {
    return Boolean.TRUE.equals(suspend);
  }

  /** Whether plain-HTTP access to the registry is allowed. */
  public boolean allowsInsecure() {
    return Boolean.TRUE.equals(insecure);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImageRepositorySpec other)) {
      return false;
    }
    return Objects.equals(image, other.image)
        && Objects.equals(interval, other.interval)
        && Objects.equals(timeout, other.timeout)
        && Objects.equals(secretRef, other.secretRef)
        && Objects.equals(proxySecretRef, other.proxySecretRef)
        && Objects.equals(serviceAccountName, other.serviceAccountName)
        && Objects.equals(certSecretRef, other.certSecretRef)
        && Objects.equals(suspend, other.suspend)
        && Objects.equals(accessFrom, other.accessFrom)
        && Objects.equals(exclusionList, other.exclusionList)
        && Objects.equals(provider, other.provider)
        && Objects.equals(insecure, other.insecure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        image,
        interval,
        timeout,
        secretRef,
        proxySecretRef,
        serviceAccountName,
        certSecretRef,
        suspend,
        accessFrom,
        exclusionList,
        provider,
        insecure);
  }

  @Override
  public String toString() {
    return "ImageRepositorySpec{"
        + "image=" + image + ", "
        + "interval=" + interval + ", "
        + "timeout=" + timeout + ", "
        + "secretRef=" + secretRef + ", "
        + "proxySecretRef=" + proxySecretRef + ", "
        + "serviceAccountName=" + serviceAccountName + ", "
        + "certSecretRef=" + certSecretRef + ", "
        + "suspend=" + suspend + ", "
        + "accessFrom=" + accessFrom + ", "
        + "exclusionList=" + exclusionList + ", "
        + "provider=" + provider + ", "
        + "insecure=" + insecure
        + "}";
  }
}
