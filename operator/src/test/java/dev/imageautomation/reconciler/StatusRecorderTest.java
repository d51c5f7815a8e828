package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ImageRepository;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusRecorderTest {

  private final StatusRecorder recorder = Fixtures.recorder(new MutableClock("2026-11-25T10:00:00Z"),
      new Fixtures.RecordedEvents());

  static Stream<Arguments> generations() {
    return Stream.of(
        Arguments.of(3L, 3L, "reconciliation in progress"),
        Arguments.of(3L, 2L, "processing object: new generation 2 -> 3"),
        Arguments.of(1L, null, "processing object: new generation -1 -> 1"),
        Arguments.of(5L, 7L, "processing object: new generation 7 -> 5"));
  }

  @ParameterizedTest(name = "generation {0}, observed {1}: {2}")
  @MethodSource("generations")
  void shouldSayWhichGenerationIsBeingProcessedWhenTheSpecChanged(long generation, Long observed,
      String expected) {
    ImageRepository repository = Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata: {name: app, namespace: apps}
        spec: {image: ghcr.io/org/app, interval: 1m}
        """, ImageRepository.class);
    repository.getMetadata().setGeneration(generation);

    List<Condition> conditions = recorder.start("ImageRepository", repository, List.of())
        .progressing(List.of(), observed);

    assertThat(Conditions.find(conditions, "Reconciling")).hasValueSatisfying(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("Progressing");
      assertThat(c.getMessage()).isEqualTo(expected);
    });
  }
}
