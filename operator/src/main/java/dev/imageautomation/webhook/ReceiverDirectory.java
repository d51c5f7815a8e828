package dev.imageautomation.webhook;

import java.util.List;
import java.util.Optional;

/** Where receivers live: their tokens, and the repositories a push should scan. Implemented over Kubernetes. */
public interface ReceiverDirectory {

  /** The receiver's token; empty when no such receiver exists (no repository names it, or its Secret is missing). */
  Optional<byte[]> token(String namespace, String receiver);

  /**
   * Requests an immediate scan of the receiver's repositories that the pushes concern (all of them when
   * {@code pushes} is empty, i.e. the payload format was not recognised).
   *
   * @return {@code namespace/name} of each repository whose scan was requested
   */
  List<String> trigger(String namespace, String receiver, List<PushEvent> pushes);
}
