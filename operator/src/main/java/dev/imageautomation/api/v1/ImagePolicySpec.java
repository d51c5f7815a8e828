package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.time.Duration;
import java.util.Objects;

/** The desired state of an ImagePolicy: which repository's tags to choose from and how. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.interval) || (has(self.digestReflectionPolicy) && self.digestReflectionPolicy == 'Always')",
    message = "spec.interval is only accepted when spec.digestReflectionPolicy is set to 'Always'")
@ValidationRule(
    value = "has(self.interval) || !has(self.digestReflectionPolicy) || self.digestReflectionPolicy != 'Always'",
    message = "spec.interval must be set when spec.digestReflectionPolicy is set to 'Always'")
public class ImagePolicySpec {

  /** The refresh period used with {@code Always} when {@code interval} is absent or zero. */
  public static final Duration DEFAULT_DIGEST_INTERVAL = Duration.ofMinutes(10);

  @Required
  @JsonPropertyDescription(
      "ImageRepositoryRef points at the object specifying the image being scanned.")
  private ImageRepositoryReference imageRepositoryRef;

  @Required
  @JsonPropertyDescription(
      "Policy gives the particulars of the policy to be followed in selecting the most recent image.")
  private ImagePolicyChoice policy;

  @JsonPropertyDescription(
      "FilterTags enables filtering for only a subset of tags based on a set of rules. If no rules are "
          + "provided, all the tags from the repository will be ordered and compared.")
  private FilterTags filterTags;

  @Default("Never")
  @JsonPropertyDescription(
      "DigestReflectionPolicy governs the setting of the `.status.latestRef.digest` field. Never: The "
          + "digest field will always be set to the empty string. IfNotPresent: The digest field will be set "
          + "to the digest of the elected latest image if the field is empty and the image did not change. "
          + "Always: The digest field will always be set to the digest of the elected latest image.")
  private DigestReflectionPolicy digestReflectionPolicy;

  @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
  @JsonPropertyDescription(
      "Interval is the length of time to wait between refreshing the digest of the latest tag when the "
          + "reflection policy is set to \"Always\". Defaults to 10m.")
  private String interval;

  @JsonPropertyDescription(
      "This flag tells the controller to suspend subsequent policy reconciliations. It does not apply "
          + "to already started reconciliations. Defaults to false.")
  private Boolean suspend;

  public ImagePolicySpec() {}

  public ImageRepositoryReference getImageRepositoryRef() {
    return imageRepositoryRef;
  }

  public void setImageRepositoryRef(ImageRepositoryReference imageRepositoryRef) {
    this.imageRepositoryRef = imageRepositoryRef;
  }

  public ImagePolicyChoice getPolicy() {
    return policy;
  }

  public void setPolicy(ImagePolicyChoice policy) {
    this.policy = policy;
  }

  public FilterTags getFilterTags() {
    return filterTags;
  }

  public void setFilterTags(FilterTags filterTags) {
    this.filterTags = filterTags;
  }

  public DigestReflectionPolicy getDigestReflectionPolicy() {
    return digestReflectionPolicy;
  }

  public void setDigestReflectionPolicy(DigestReflectionPolicy digestReflectionPolicy) {
    this.digestReflectionPolicy = digestReflectionPolicy;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  /** The digest policy in force ({@code Never} when absent). */
  public DigestReflectionPolicy effectiveDigestReflectionPolicy() {
    return digestReflectionPolicy == null ? DigestReflectionPolicy.NEVER : digestReflectionPolicy;
  }

  /**
   * The periodic re-reconcile delay: {@code interval} (10m when absent or zero) under {@code Always}, otherwise
   * zero (no periodic requeue), as Flux's {@code GetInterval()}.
   */
  public Duration effectiveInterval() {
    if (effectiveDigestReflectionPolicy() != DigestReflectionPolicy.ALWAYS) {
      return Duration.ZERO;
    }
    Duration value = GoDuration.parseOrDefault(interval, Duration.ZERO);
    return value.isZero() ? DEFAULT_DIGEST_INTERVAL : value;
  }

  /** Whether reconciliation is suspended. */
  public boolean suspended() {
    return Boolean.TRUE.equals(suspend);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImagePolicySpec other)) {
      return false;
    }
    return Objects.equals(imageRepositoryRef, other.imageRepositoryRef)
        && Objects.equals(policy, other.policy)
        && Objects.equals(filterTags, other.filterTags)
        && Objects.equals(digestReflectionPolicy, other.digestReflectionPolicy)
        && Objects.equals(interval, other.interval)
        && Objects.equals(suspend, other.suspend);
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageRepositoryRef, policy, filterTags, digestReflectionPolicy, interval, suspend);
  }

  @Override
  public String toString() {
    return "ImagePolicySpec{"
        + "imageRepositoryRef=" + imageRepositoryRef + ", "
        + "policy=" + policy + ", "
        + "filterTags=" + filterTags + ", "
        + "digestReflectionPolicy=" + digestReflectionPolicy + ", "
        + "interval=" + interval + ", "
        + "suspend=" + suspend
        + "}";
  }
}
