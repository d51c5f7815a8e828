package dev.imageautomation.setters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SetterMarkerTest {

  static Stream<Arguments> comments() {
    return Stream.of(
        Arguments.of("# {\"$imagepolicy\": \"ns:app\"}", "ns:app"),
        Arguments.of("#{\"$imagepolicy\":\"ns:app:tag\"}", "ns:app:tag"),
        Arguments.of("### {\"$imagepolicy\": \"ns:app:name\"}", "ns:app:name"),
        Arguments.of("#  { \"$imagepolicy\" : \"ns:app:digest\" , \"x\": \"y\" }  ", "ns:app:digest"),
        Arguments.of("# {\"\\u0024imagepolicy\": \"ns:app\"}", "ns:app"),
        Arguments.of("# {\"$imagepolicy\": \"first\", \"$imagepolicy\": \"ns:last\"}", "ns:last"),
        Arguments.of("# {\"$ref\": \"#/definitions/io.k8s.cli.setters.ns:app:tag\"}", "ns:app:tag"),
        Arguments.of("# {\"$imagepolicy\": \"ns:app\", \"$ref\": \"#/definitions/io.k8s.cli.setters.x:y\"}",
            "ns:app"),
        Arguments.of("# {'$imagepolicy': 'ns:app'}", null),
        Arguments.of("# {\"$imagepolicy\": \"ns:app\", \"n\": 1}", null),
        Arguments.of("# {\"$imagepolicy\": \"ns:app\"} # more", null),
        Arguments.of("# see {\"$imagepolicy\": \"ns:app\"}", null),
        Arguments.of("# {\"$imagepolicy\": \"\"}", null),
        Arguments.of("# {\"$imagepolicy\": null}", null),
        Arguments.of("# {\"$imagepolicy\": {\"nested\": \"x\"}}", null),
        Arguments.of("# {\"$imagepolicy\": \"ns:app\"", null),
        Arguments.of("# {\"$imagepolicy\": \"ns:app\"}\n# second line", null),
        Arguments.of("# {\"$ref\": \"#/definitions/io.k8s.api.core.v1.Container\"}", null),
        Arguments.of("# {\"$ref\": \"#/definitions/io.k8s.cli.setters.\"}", null),
        Arguments.of("# just a comment", null),
        Arguments.of("#", null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("comments")
  void shouldReadAMarkerOnlyWhenTheCommentIsExactlyAStringValuedJsonObject(
      String comment, String setter) {
    assertThat(SetterMarker.fromComment(comment).map(SetterMarker::setter))
        .isEqualTo(Optional.ofNullable(setter));
  }
}
