package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Map;
import java.util.Objects;

/** The artifact source-controller produced for a GitRepository (read model). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryArtifact {

  @Required
  @JsonPropertyDescription(
      "Path is the relative file path of the Artifact.")
  private String path;

  @Required
  @JsonPropertyDescription(
      "URL is the HTTP address of the Artifact as exposed by the controller managing the Source.")
  private String url;

  @Required
  @JsonPropertyDescription(
      "Revision is a human-readable identifier traceable in the origin source system, e.g. "
          + "main@sha1:<hex>.")
  private String revision;

  @JsonPropertyDescription(
      "Digest is the digest of the file in the form of '<algorithm>:<checksum>'.")
  private String digest;

  @Required
  @JsonPropertyDescription(
      "LastUpdateTime is the timestamp corresponding to the last update of the Artifact.")
  private String lastUpdateTime;

  @JsonPropertyDescription(
      "Size is the number of bytes in the file.")
  private Long size;

  @JsonPropertyDescription(
      "Metadata holds upstream information such as OCI annotations.")
  private Map<String, String> metadata;

  public GitRepositoryArtifact() {}

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public String getDigest() {
    return digest;
  }

  public void setDigest(String digest) {
    this.digest = digest;
  }

  public String getLastUpdateTime() {
    return lastUpdateTime;
  }

  public void setLastUpdateTime(String lastUpdateTime) {
    this.lastUpdateTime = lastUpdateTime;
  }

  public Long getSize() {
    return size;
  }

  public void setSize(Long size) {
    this.size = size;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GitRepositoryArtifact other)) {
      return false;
    }
    return Objects.equals(path, other.path)
        && Objects.equals(url, other.url)
        && Objects.equals(revision, other.revision)
        && Objects.equals(digest, other.digest)
        && Objects.equals(lastUpdateTime, other.lastUpdateTime)
        && Objects.equals(size, other.size)
        && Objects.equals(metadata, other.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, url, revision, digest, lastUpdateTime, size, metadata);
  }

  @Override
  public String toString() {
    return "GitRepositoryArtifact{"
        + "path=" + path + ", "
        + "url=" + url + ", "
        + "revision=" + revision + ", "
        + "digest=" + digest + ", "
        + "lastUpdateTime=" + lastUpdateTime + ", "
        + "size=" + size + ", "
        + "metadata=" + metadata
        + "}";
  }
}
