package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * A selected image: the repository name as written in the ImageRepository, the tag and, when
 * reflected, the digest. {@link #toImage()} renders {@code name:tag}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageRef {

  @Required
  @JsonPropertyDescription(
      "Name is the bare image's name.")
  private String name;

  @Required
  @JsonPropertyDescription(
      "Tag is the image's tag.")
  private String tag;

  @JsonPropertyDescription(
      "Digest is the image's digest.")
  private String digest;

  public ImageRef() {}

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public String getDigest() {
    return digest;
  }

  public void setDigest(String digest) {
    this.digest = digest;
  }

  /** Creates a reference without digest. */
  public ImageRef(String name, String tag) {
    this(name, tag, null);
  }

  /** Creates a reference; {@code digest} may be null. */
  public ImageRef(String name, String tag, String digest) {
    this.name = name;
    this.tag = tag;
    this.digest = digest;
  }

  /** The image as {@code name:tag}, the value of {@code status.latestImage}. */
  public String toImage() {
    return name + ":" + tag;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImageRef other)) {
      return false;
    }
    return Objects.equals(name, other.name)
        && Objects.equals(tag, other.tag)
        && Objects.equals(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, tag, digest);
  }

  @Override
  public String toString() {
    return "ImageRef{"
        + "name=" + name + ", "
        + "tag=" + tag + ", "
        + "digest=" + digest
        + "}";
  }
}
