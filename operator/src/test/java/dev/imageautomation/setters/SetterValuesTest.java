package dev.imageautomation.setters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetterValuesTest {
  private static final String DIGEST =
      "sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
  private static final SetterValues VALUES = SetterValues.builder()
      .policy("flux-system", "podinfo", PolicyImage.parse("localhost:5000/stefanprodan/podinfo:6.5.0@" + DIGEST))
      .policy("flux-system/plain=ghcr.io/acme/api:2.0.0")
      .build();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "NONE", value = {
      "flux-system:podinfo, localhost:5000/stefanprodan/podinfo:6.5.0@" + DIGEST,
      "flux-system:podinfo:tag, 6.5.0",
      "flux-system:podinfo:name, localhost:5000/stefanprodan/podinfo",
      "flux-system:podinfo:digest, " + DIGEST,
      "flux-system:plain, ghcr.io/acme/api:2.0.0",
      "flux-system:plain:digest, ''",
      "flux-system:plain:version, NONE",
      "Flux-System:plain, NONE",
      "other:plain, NONE",
      "plain, NONE",
      "flux-system:missing:tag, NONE"})
  void shouldOfferFourSettersPerPolicyAndNothingElse(String setter, String value) {
    assertThat(VALUES.lookup(setter)).isEqualTo(Optional.ofNullable(value));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ghcr.io/Acme/api:1.0 | repository 'Acme/api'",
      "ghcr.io/acme/api: | the tag is empty",
      "ghcr.io/acme/api | a tag is required",
      "ghcr.io/acme/api:1.0@sha256:abc | the digest",
      "ghcr.io/acme/api:-bad | the tag '-bad'",
      "a:1 | repository 'a'"})
  void shouldRejectAnInvalidImageReferenceWithAClearMessage(String reference, String message) {
    assertThatThrownBy(() -> PolicyImage.parse(reference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void shouldNameThePolicyWhenAnAssignmentIsInvalid() {
    assertThatThrownBy(() -> SetterValues.builder().policy("ns/app=UPPER/case:1"))
        .hasMessageStartingWith("policy ns/app: invalid image reference");
    assertThatThrownBy(() -> SetterValues.builder().policy("no-slash=image:1"))
        .hasMessageContaining("NAMESPACE/NAME=IMAGE:TAG[@DIGEST]");
  }

  @Test
  void shouldRenderTheFullReferenceWithTheDigestOnlyWhenKnown() {
    assertThat(PolicyImage.parse("registry:5000/app:1.0").fullReference()).isEqualTo("registry:5000/app:1.0");
    assertThat(new PolicyImage("app/x", "1.0", DIGEST).fullReference()).isEqualTo("app/x:1.0@" + DIGEST);
  }
}
