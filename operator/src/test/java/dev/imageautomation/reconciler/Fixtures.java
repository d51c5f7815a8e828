package dev.imageautomation.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/** Objects written as the user writes them (YAML), and the collaborators every reconciler test needs. */
final class Fixtures {

  private Fixtures() {}

  static <T extends HasMetadata> T parse(String yaml, Class<T> type) {
    T object = Serialization.unmarshal(yaml, type);
    object.getMetadata().setGeneration(1L);
    return object;
  }

  /** Events recorded in memory, as {@code TYPE reason: message}. */
  static final class RecordedEvents implements EventRecorder {
    final List<String> events = new ArrayList<>();

    @Override
    public void record(HasMetadata object, Type type, String reason, String message) {
      events.add(type + " " + reason + ": " + message);
    }

    String last() {
      return events.get(events.size() - 1);
    }
  }

  /** Progress published in memory, as {@code name: Reconciling message}. */
  static final class PublishedProgress implements ProgressPublisher {
    final List<String> published = new ArrayList<>();

    @Override
    public void publish(HasMetadata object, List<io.fabric8.kubernetes.api.model.Condition> conditions) {
      published.add(object.getMetadata().getName() + ": " + Conditions.find(conditions, "Reconciling")
          .map(io.fabric8.kubernetes.api.model.Condition::getMessage).orElse("(not reconciling)"));
    }
  }

  static StatusRecorder recorder(MutableClock clock, RecordedEvents events) {
    return recorder(clock, events, new PublishedProgress());
  }

  static StatusRecorder recorder(MutableClock clock, RecordedEvents events, ProgressPublisher progress) {
    return new StatusRecorder(clock, events, new ReconcileMetrics(new SimpleMeterRegistry()), progress);
  }
}
