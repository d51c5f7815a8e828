package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** The author (and committer) of automation commits. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CommitUser {

  @JsonPropertyDescription(
      "Name represents the person committing the change.")
  private String name;

  @Required
  @JsonPropertyDescription(
      "Email gives the email to provide when making a commit.")
  private String email;

  public CommitUser() {}

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CommitUser other)) {
      return false;
    }
    return Objects.equals(name, other.name)
        && Objects.equals(email, other.email);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, email);
  }

  @Override
  public String toString() {
    return "CommitUser{"
        + "name=" + name + ", "
        + "email=" + email
        + "}";
  }
}
