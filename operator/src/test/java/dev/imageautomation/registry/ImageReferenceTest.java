package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceTest {

    static Stream<Arguments> canonicalNames() {
        return Stream.of(
                Arguments.of("alpine", "index.docker.io/library/alpine"),
                Arguments.of("docker.io/alpine", "index.docker.io/library/alpine"),
                Arguments.of("docker.io/org/app-name", "index.docker.io/org/app-name"),
                Arguments.of("index.docker.io/org/app", "index.docker.io/org/app"),
                Arguments.of("org/app", "index.docker.io/org/app"),
                Arguments.of("ghcr.io/org/app-name", "ghcr.io/org/app-name"),
                Arguments.of("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app-name",
                        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app-name"),
                Arguments.of("europe-docker.pkg.dev/project-id/repo/app-name",
                        "europe-docker.pkg.dev/project-id/repo/app-name"),
                Arguments.of("localhost:5000/app", "localhost:5000/app"),
                Arguments.of("localhost/app", "localhost/app"),
                Arguments.of("127.0.0.1:5000/team/svc", "127.0.0.1:5000/team/svc"));
    }

    @ParameterizedTest
    @MethodSource("canonicalNames")
    void shouldCanonicaliseAsFluxDoes(String image, String canonical) {
        assertThat(ImageReference.parse(image).canonicalName()).isEqualTo(canonical);
    }

    static Stream<Arguments> invalidImages() {
        return Stream.of(
                Arguments.of("https://ghcr.io/org/app", "should not include URL scheme; remove 'https://'"),
                Arguments.of("ghcr.io/org/app:v1.0.0", "should not include a tag; remove ':v1.0.0'"),
                Arguments.of("alpine:3.18", "should not include a tag; remove ':3.18'"),
                Arguments.of("localhost:5000/app:latest", "should not include a tag; remove ':latest'"),
                Arguments.of("ghcr.io/org/app@sha256:abcd", "should not include a digest; remove '@sha256:abcd'"),
                Arguments.of("ghcr.io/Org/App", "lowercase"),
                Arguments.of("ghcr.io/org//app", "empty path component"),
                Arguments.of("a", "between 2 and 255"),
                Arguments.of("", "must not be empty"));
    }

    @ParameterizedTest
    @MethodSource("invalidImages")
    void shouldRejectWithAMessageThatSaysWhatToRemove(String image, String message) {
        assertThatThrownBy(() -> ImageReference.parse(image))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessageContaining(message);
    }

    @Property
    void shouldKeepAnExplicitRegistryWithPortAndRepositoryUnchanged(
            @ForAll @AlphaChars @StringLength(min = 2, max = 20) String name,
            @ForAll @NumericChars @StringLength(min = 2, max = 5) String port) {
        String image = "registry.example:" + port + "/team/" + name.toLowerCase();

        ImageReference reference = ImageReference.parse(image);

        assertThat(reference.canonicalName()).isEqualTo(image);
        assertThat(reference.host()).isEqualTo("registry.example");
        assertThat(ImageReference.parse(reference.canonicalName())).isEqualTo(reference);
    }
}
