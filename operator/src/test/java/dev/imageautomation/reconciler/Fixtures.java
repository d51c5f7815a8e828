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

  static StatusRecorder recorder(MutableClock clock, RecordedEvents events) {
    return new StatusRecorder(clock, events, new ReconcileMetrics(new SimpleMeterRegistry()));
  }
}
