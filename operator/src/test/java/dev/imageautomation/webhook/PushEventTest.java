package dev.imageautomation.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PushEventTest {

  static Stream<Arguments> pushesAndImages() {
    return Stream.of(
        Arguments.of("docker.io/library/alpine", "alpine", true),
        Arguments.of("index.docker.io/org/app", "docker.io/org/app", true),
        Arguments.of("ghcr.io/org/app", "ghcr.io/org/app", true),
        Arguments.of("ghcr.io/org/app", "ghcr.io/org/other", false),
        Arguments.of("ghcr.io/org/app", "quay.io/org/app", false),
        Arguments.of("127.0.0.1:5000/app", "127.0.0.1:5000/app", true),
        Arguments.of("GHCR.io/Org/App", "ghcr.io/org/app", true));
  }

  @ParameterizedTest(name = "push {0} concerns {1}: {2}")
  @MethodSource("pushesAndImages")
  void shouldMatchAPushToTheImageRepositoryItConcerns(String pushed, String image, boolean concerns) {
    assertThat(PushEvent.ofImage(pushed, Optional.empty()).concerns(image)).isEqualTo(concerns);
  }

  @org.junit.jupiter.api.Test
  void shouldMatchAPushWithoutHostOnTheRepositoryPathAlone() {
    PushEvent harborWithoutUrl = new PushEvent(Optional.empty(), "lib/app", Optional.empty());

    assertThat(harborWithoutUrl.concerns("harbor.example.com/lib/app")).isTrue();
    assertThat(harborWithoutUrl.concerns("harbor.example.com/lib/other")).isFalse();
  }
}
