package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.ImageRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A registry with tags set by the test: scans copy them to a store keyed by namespace/name; an image containing
 * "://" is invalid; {@link #failWith} makes the next scans fail.
 */
final class FakeRegistry implements RegistryAccess {
  final Map<String, List<String>> published = new HashMap<>();
  final Map<String, List<String>> stored = new HashMap<>();
  final Map<String, String> digests = new HashMap<>();
  int scans;
  int digestFetches;
  private ReconcileProblem failure;

  void publish(String image, String... tags) {
    published.put(image, List.of(tags));
  }

  void failWith(ReconcileProblem problem) {
    failure = problem;
  }

  @Override
  public String canonicalName(ImageRepository repository) throws ReconcileProblem {
    String image = repository.getSpec().getImage();
    if (image.contains("://")) {
      throw ReconcileProblem.stalled(ConditionReasons.IMAGE_URL_INVALID,
          "image '" + image + "' should not include URL scheme");
    }
    return image.contains("/") ? image : "index.docker.io/library/" + image;
  }

  @Override
  public StoredTags scan(ImageRepository repository) throws ReconcileProblem {
    scans++;
    if (failure != null) {
      throw failure;
    }
    List<String> tags = new ArrayList<>(published.getOrDefault(repository.getSpec().getImage(), List.of()));
    tags.sort(Comparator.reverseOrder());
    stored.put(key(repository), tags);
    return new StoredTags(tags, "rev-" + tags.hashCode());
  }

  @Override
  public List<String> storedTags(ImageRepository repository) {
    return stored.getOrDefault(key(repository), List.of());
  }

  @Override
  public String digest(ImageRepository repository, String tag) {
    digestFetches++;
    return digests.getOrDefault(tag, "sha256:" + "0".repeat(64));
  }

  @Override
  public void forget(ImageRepository repository) {
    stored.remove(key(repository));
  }

  private static String key(ImageRepository repository) {
    return repository.getMetadata().getNamespace() + "/" + repository.getMetadata().getName();
  }
}
