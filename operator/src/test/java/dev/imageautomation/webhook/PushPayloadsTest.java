package dev.imageautomation.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PushPayloadsTest {

  static Stream<Arguments> registryPayloads() {
    return Stream.of(
        Arguments.of(
            "docker hub",
            "{\"push_data\":{\"tag\":\"dev-abc1234-42\",\"pusher\":\"ci\"},"
                + "\"repository\":{\"repo_name\":\"org/app\",\"namespace\":\"org\",\"name\":\"app\"}}",
            new PushEvent(Optional.of("docker.io"), "org/app", Optional.of("dev-abc1234-42"))),
        Arguments.of(
            "harbor",
            "{\"type\":\"PUSH_ARTIFACT\",\"event_data\":{\"resources\":[{\"tag\":\"v1.2.3\","
                + "\"resource_url\":\"harbor.example.com/lib/app:v1.2.3\"}],"
                + "\"repository\":{\"repo_full_name\":\"lib/app\"}}}",
            new PushEvent(Optional.of("harbor.example.com"), "lib/app", Optional.of("v1.2.3"))),
        Arguments.of(
            "github container registry",
            "{\"action\":\"published\",\"package\":{\"name\":\"app\",\"package_type\":\"container\","
                + "\"owner\":{\"login\":\"org\"},\"package_version\":{\"package_url\":\"ghcr.io/org/app:v2\","
                + "\"container_metadata\":{\"tag\":{\"name\":\"v2\"}}}}}",
            new PushEvent(Optional.of("ghcr.io"), "org/app", Optional.of("v2"))),
        Arguments.of(
            "quay",
            "{\"repository\":\"org/app\",\"namespace\":\"org\",\"name\":\"app\","
                + "\"docker_url\":\"quay.io/org/app\",\"updated_tags\":[\"latest\"]}",
            new PushEvent(Optional.of("quay.io"), "org/app", Optional.of("latest"))),
        Arguments.of(
            "distribution notifications",
            "{\"events\":[{\"action\":\"pull\",\"target\":{\"repository\":\"other\"}},"
                + "{\"action\":\"push\",\"target\":{\"repository\":\"app\",\"tag\":\"1.0.0\"},"
                + "\"request\":{\"host\":\"127.0.0.1:5000\"}}]}",
            new PushEvent(Optional.of("127.0.0.1:5000"), "app", Optional.of("1.0.0"))),
        Arguments.of(
            "generic",
            "{\"image\":\"registry.example.com:5000/team/app\",\"tag\":\"staging-abcdef1\"}",
            new PushEvent(Optional.of("registry.example.com:5000"), "team/app", Optional.of("staging-abcdef1"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registryPayloads")
  void shouldReadThePushedImageOfEachRegistryFormat(String registry, String body, PushEvent expected) {
    assertThat(PushPayloads.parse(body.getBytes(StandardCharsets.UTF_8))).containsExactly(expected);
  }

  @ParameterizedTest(name = "body [{0}]")
  @MethodSource("unknownBodies")
  void shouldYieldNoEventForAnUnknownOrBrokenBody(String body) {
    assertThat(PushPayloads.parse(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  static List<String> unknownBodies() {
    return List.of("", "not json", "[1,2]", "{\"hello\":\"world\"}");
  }
}
