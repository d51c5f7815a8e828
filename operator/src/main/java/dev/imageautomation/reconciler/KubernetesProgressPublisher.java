package dev.imageautomation.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ProgressPublisher} over the status subresource: a JSON merge patch of {@code status.conditions} only, so
 * nothing else of the status (scan result, latest ref, last push) is touched while the run is still deciding. The
 * object's {@code resourceVersion} is moved to the patched one, so the reconcile's final status patch does not
 * conflict with this one.
 */
public final class KubernetesProgressPublisher implements ProgressPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesProgressPublisher.class);
  private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

  private final KubernetesClient client;

  public KubernetesProgressPublisher(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void publish(HasMetadata object, List<Condition> conditions) {
    String patch = client.getKubernetesSerialization().asJson(Map.of("status", Map.of("conditions", conditions)));
    try {
      HasMetadata patched = client.resource(object).subresource("status").patch(MERGE, patch);
      object.getMetadata().setResourceVersion(patched.getMetadata().getResourceVersion());
    } catch (KubernetesClientException e) {
      LOG.atWarn().addKeyValue("object", object.getMetadata().getName())
          .log("could not publish the reconcile's progress: {}", e.getMessage());
    }
  }
}
