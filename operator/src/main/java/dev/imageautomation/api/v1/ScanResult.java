package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** The outcome of the last successful registry scan of an ImageRepository. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScanResult {

  @JsonPropertyDescription(
      "Revision is a stable hash of the scanned tags.")
  private String revision;

  @Required
  @JsonPropertyDescription(
      "TagCount is the number of tags found (after exclusion) in the last scan.")
  private Integer tagCount;

  @JsonPropertyDescription(
      "ScanTime is the time when the last scan finished (RFC 3339).")
  private String scanTime;

  @JsonPropertyDescription(
      "LatestTags is a small sample of the tags found in the last scan: the first ten in descending "
          + "byte order.")
  private List<String> latestTags;

  public ScanResult() {}

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public Integer getTagCount() {
    return tagCount;
  }

  public void setTagCount(Integer tagCount) {
    this.tagCount = tagCount;
  }

  public String getScanTime() {
    return scanTime;
  }

  public void setScanTime(String scanTime) {
    this.scanTime = scanTime;
  }

  public List<String> getLatestTags() {
    return latestTags;
  }

  public void setLatestTags(List<String> latestTags) {
    this.latestTags = latestTags;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ScanResult other)) {
      return false;
    }
    return Objects.equals(revision, other.revision)
        && Objects.equals(tagCount, other.tagCount)
        && Objects.equals(scanTime, other.scanTime)
        && Objects.equals(latestTags, other.latestTags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(revision, tagCount, scanTime, latestTags);
  }

  @Override
  public String toString() {
    return "ScanResult{"
        + "revision=" + revision + ", "
        + "tagCount=" + tagCount + ", "
        + "scanTime=" + scanTime + ", "
        + "latestTags=" + latestTags
        + "}";
  }
}
