package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ApiGroups;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.webhook.PushEvent;
import dev.imageautomation.webhook.ReceiverDirectory;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook receivers over Kubernetes. A receiver {@code <namespace>/<name>} exists when at least one ImageRepository
 * of that namespace carries the annotation {@value #RECEIVER_ANNOTATION}{@code : <name>}; its token is the
 * {@code token} key of the Secret {@code <name>} in the same namespace (so a receiver cannot be made out of an
 * arbitrary Secret). A push triggers those of its repositories whose {@code spec.image} the pushed image concerns,
 * by setting {@code reconcile.fluxcd.io/requestedAt}, exactly what {@code flux reconcile image repository} does:
 * any replica may receive the call, the leader scans.
 */
public final class KubernetesReceivers implements ReceiverDirectory {

  public static final String RECEIVER_ANNOTATION = "imageautomation.dev/webhook-receiver";

  private final KubernetesClient client;
  private final ClusterReader cluster;
  private final Clock clock;

  public KubernetesReceivers(KubernetesClient client, ClusterReader cluster, Clock clock) {
    this.client = client;
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public Optional<byte[]> token(String namespace, String receiver) {
    if (repositoriesOf(namespace, receiver).isEmpty()) {
      return Optional.empty();
    }
    return cluster.secret(namespace, receiver).flatMap(KubernetesReceivers::tokenOf);
  }

  @Override
  public List<String> trigger(String namespace, String receiver, List<PushEvent> pushes) {
    String requestedAt = Instant.now(clock).toString();
    List<String> triggered = new ArrayList<>();
    for (ImageRepository repository : repositoriesOf(namespace, receiver)) {
      String image = repository.getSpec().getImage();
      if (pushes.isEmpty() || pushes.stream().anyMatch(push -> push.concerns(image))) {
        client.resources(ImageRepository.class).inNamespace(namespace)
            .withName(repository.getMetadata().getName())
            .edit(r -> {
              r.getMetadata().getAnnotations().put(ApiGroups.RECONCILE_REQUEST_ANNOTATION, requestedAt);
              return r;
            });
        triggered.add(namespace + "/" + repository.getMetadata().getName());
      }
    }
    return triggered;
  }

  private List<ImageRepository> repositoriesOf(String namespace, String receiver) {
    return cluster.imageRepositories(namespace).stream()
        .filter(r -> receiver.equals(annotations(r).get(RECEIVER_ANNOTATION)))
        .toList();
  }

  private static Map<String, String> annotations(ImageRepository repository) {
    Map<String, String> annotations = repository.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  private static Optional<byte[]> tokenOf(Secret secret) {
    if (secret.getData() != null && secret.getData().containsKey("token")) {
      return Optional.of(Base64.getDecoder().decode(secret.getData().get("token").trim()));
    }
    if (secret.getStringData() != null && secret.getStringData().containsKey("token")) {
      return Optional.of(secret.getStringData().get("token").getBytes(StandardCharsets.UTF_8));
    }
    return Optional.empty();
  }
}
