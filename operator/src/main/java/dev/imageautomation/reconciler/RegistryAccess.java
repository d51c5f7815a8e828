package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ImageRepository;
import java.util.List;

/**
 * The registry side of the ImageRepository and ImagePolicy reconciles: parsing {@code spec.image}, scanning with
 * the repository's credentials and storing the tags, reading stored tags, fetching a digest. Failures are
 * {@link ReconcileProblem}s carrying Flux's reasons.
 */
public interface RegistryAccess {

  /** The canonical name ({@code alpine} → {@code index.docker.io/library/alpine}); Stalled ImageURLInvalid. */
  String canonicalName(ImageRepository repository) throws ReconcileProblem;

  /**
   * Lists the tags, drops those matching the exclusion list and stores the rest (replacing what was stored).
   * AuthenticationFailed when credentials cannot be built, ReadOperationFailed when the registry fails.
   */
  StoredTags scan(ImageRepository repository) throws ReconcileProblem;

  /** The tags stored by the last scan of this repository; empty when it was never scanned. */
  List<String> storedTags(ImageRepository repository) throws ReconcileProblem;

  /** The manifest digest of {@code repository:tag} ({@code sha256:…}). */
  String digest(ImageRepository repository, String tag) throws ReconcileProblem;

  /** Forgets the stored tags of a deleted repository. */
  void forget(ImageRepository repository);

  /** The stored tags, sorted in descending byte order as Flux reports them, and their checksum. */
  record StoredTags(List<String> tags, String revision) {
    public StoredTags {
      tags = List.copyOf(tags);
    }
  }
}
