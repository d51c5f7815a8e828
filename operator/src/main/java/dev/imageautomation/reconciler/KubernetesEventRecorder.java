package dev.imageautomation.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records events as core/v1 Events, reported by Flux's controller names ({@code image-reflector-controller} for
 * repositories and policies, {@code image-automation-controller} for automations) so existing alerts and
 * {@code kubectl get events} filters keep working. A repeated event (same object, type, reason and message)
 * increments the count of the existing Event instead of adding one, which tames Flux's well-known Warning spam
 * while an object keeps failing. Recording never fails a reconcile.
 */
public final class KubernetesEventRecorder implements EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEventRecorder.class);
  private static final Map<String, String> REPORTER = Map.of(
      "ImageRepository", "image-reflector-controller",
      "ImagePolicy", "image-reflector-controller",
      "ImageUpdateAutomation", "image-automation-controller");

  private final KubernetesClient client;
  private final Clock clock;

  public KubernetesEventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public void record(HasMetadata object, Type type, String reason, String message) {
    String eventType = type == Type.WARNING ? "Warning" : "Normal";
    log(object, type, reason, message);
    try {
      upsert(object, eventType, reason, message);
    } catch (KubernetesClientException e) {
      LOG.atWarn().addKeyValue("object", object.getMetadata().getName()).addKeyValue("reason", reason)
          .log("could not record event: {}", e.getMessage());
    }
  }

  private void upsert(HasMetadata object, String eventType, String reason, String message) {
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName() + "." + fingerprint(object, eventType, reason, message);
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    var events = client.v1().events().inNamespace(namespace);
    Event existing = events.withName(name).get();
    if (existing != null) {
      existing.setCount(existing.getCount() == null ? 2 : existing.getCount() + 1);
      existing.setLastTimestamp(now);
      events.resource(existing).update();
      return;
    }
    String component = REPORTER.getOrDefault(object.getKind(), "image-automation-operator");
    events.resource(new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(object.getApiVersion())
            .withKind(object.getKind()).withName(object.getMetadata().getName()).withNamespace(namespace)
            .withUid(object.getMetadata().getUid()).withResourceVersion(object.getMetadata().getResourceVersion())
            .build())
        .withType(eventType).withReason(reason).withMessage(message)
        .withNewSource().withComponent(component).endSource()
        .withReportingComponent(component).withReportingInstance(component)
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .build()).create();
  }

  private static String fingerprint(HasMetadata object, String type, String reason, String message) {
    CRC32 crc = new CRC32();
    crc.update((object.getMetadata().getUid() + type + reason + message).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits(crc.getValue()).substring(8);
  }

  private static void log(HasMetadata object, Type type, String reason, String message) {
    var builder = type == Type.WARNING ? LOG.atError() : type == Type.TRACE ? LOG.atDebug() : LOG.atInfo();
    builder.addKeyValue("kind", object.getKind()).addKeyValue("namespace", object.getMetadata().getNamespace())
        .addKeyValue("name", object.getMetadata().getName()).addKeyValue("reason", reason).log(message);
  }
}
