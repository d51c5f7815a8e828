package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ApiGroups;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositoryStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusRecorderTest {

  private final Fixtures.PublishedProgress progress = new Fixtures.PublishedProgress();
  private final StatusRecorder recorder = Fixtures.recorder(new MutableClock("2026-11-25T10:00:00Z"),
      new Fixtures.RecordedEvents(), progress);

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
    ImageRepository repository = repository(generation, observed, null);

    List<Condition> conditions = start(repository).progressing(List.of());

    assertThat(Conditions.find(conditions, "Reconciling")).hasValueSatisfying(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("Progressing");
      assertThat(c.getMessage()).isEqualTo(expected);
    });
  }

  @Test
  void shouldPublishANewGenerationBeforeTheRunEnds() {
    start(repository(4L, 3L, null)).progressing(List.of());

    assertThat(progress.published).containsExactly("app: processing object: new generation 3 -> 4");
  }

  @Test
  void shouldPublishANewReconcileRequestBeforeTheRunEnds() {
    ImageRepository repository = repository(4L, 4L, "2026-11-25T09:00:00Z");
    repository.getMetadata().setAnnotations(Map.of(ApiGroups.RECONCILE_REQUEST_ANNOTATION, "2026-11-25T10:00:00Z"));

    start(repository).progressing(List.of());

    assertThat(progress.published).containsExactly("app: reconciliation in progress");
  }

  @Test
  void shouldNotPublishARoutineRunSoThatIdleObjectsCostNoWrites() {
    ImageRepository repository = repository(4L, 4L, "2026-11-25T09:00:00Z");
    repository.getMetadata().setAnnotations(Map.of(ApiGroups.RECONCILE_REQUEST_ANNOTATION, "2026-11-25T09:00:00Z"));

    start(repository).progressing(List.of());
    start(repository(4L, 4L, null)).progressing(List.of());

    assertThat(progress.published).isEmpty();
  }

  private StatusRecorder.Run start(ImageRepository repository) {
    return recorder.start("ImageRepository", repository, List.of(), repository.getStatus());
  }

  private static ImageRepository repository(long generation, Long observed, String handledRequest) {
    ImageRepository repository = Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata: {name: app, namespace: apps}
        spec: {image: ghcr.io/org/app, interval: 1m}
        """, ImageRepository.class);
    repository.getMetadata().setGeneration(generation);
    ImageRepositoryStatus status = new ImageRepositoryStatus();
    status.setObservedGeneration(observed);
    status.setLastHandledReconcileAt(handledRequest);
    repository.setStatus(status);
    return repository;
  }
}
