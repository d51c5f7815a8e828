package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Map;
import java.util.Objects;

/** How automation commits are authored, signed and described. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CommitSpec {

  /** The commit message used when no template is given (no trailing newline, as in Flux). */
  public static final String DEFAULT_MESSAGE = "Update from image update automation";

  @Required
  @JsonPropertyDescription(
      "Author gives the email and optionally the name to use as the author of commits.")
  private CommitUser author;

  @JsonPropertyDescription(
      "SigningKey provides the option to sign commits with a GPG or SSH key.")
  private SigningKey signingKey;

  @JsonPropertyDescription(
      "MessageTemplate provides a template for the commit message, into which will be interpolated the "
          + "details of the change made. Note: The `Updated` template field has been removed. Use `Changed` "
          + "instead.")
  private String messageTemplate;

  @JsonPropertyDescription(
      "MessageTemplateValues provides additional values to be available to the templating rendering.")
  private Map<String, String> messageTemplateValues;

  public CommitSpec() {}

  public CommitUser getAuthor() {
    return author;
  }

  public void setAuthor(CommitUser author) {
    this.author = author;
  }

  public SigningKey getSigningKey() {
    return signingKey;
  }

  public void setSigningKey(SigningKey signingKey) {
    this.signingKey = signingKey;
  }

  public String getMessageTemplate() {
    return messageTemplate;
  }

  public void setMessageTemplate(String messageTemplate) {
    this.messageTemplate = messageTemplate;
  }

  public Map<String, String> getMessageTemplateValues() {
    return messageTemplateValues;
  }

  public void setMessageTemplateValues(Map<String, String> messageTemplateValues) {
    this.messageTemplateValues = messageTemplateValues;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CommitSpec other)) {
      return false;
    }
    return Objects.equals(author, other.author)
        && Objects.equals(signingKey, other.signingKey)
        && Objects.equals(messageTemplate, other.messageTemplate)
        && Objects.equals(messageTemplateValues, other.messageTemplateValues);
  }

  @Override
  public int hashCode() {
    return Objects.hash(author, signingKey, messageTemplate, messageTemplateValues);
  }

  @Override
  public String toString() {
    return "CommitSpec{"
        + "author=" + author + ", "
        + "signingKey=" + signingKey + ", "
        + "messageTemplate=" + messageTemplate + ", "
        + "messageTemplateValues=" + messageTemplateValues
        + "}";
  }
}
