package dev.imageautomation.webhook;

import java.util.Locale;
import java.util.Optional;

/**
 * One pushed image as a registry reported it: the registry host when the payload names it, the repository path
 * ({@code org/app}) and the tag when known.
 */
public record PushEvent(Optional<String> host, String repository, Optional<String> tag) {

  private static final String DOCKER_HUB = "docker.io";

  public PushEvent {
    host = host.map(PushEvent::normalHost);
    repository = repository.toLowerCase(Locale.ROOT);
  }

  /** Parses {@code host/org/app} or {@code org/app}; a first segment with a dot, a colon or {@code localhost} is a host. */
  public static PushEvent ofImage(String image, Optional<String> tag) {
    String withoutTag = stripTagAndDigest(image.replaceFirst("^[a-z]+://", ""));
    int slash = withoutTag.indexOf('/');
    if (slash > 0) {
      String first = withoutTag.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        return new PushEvent(Optional.of(first), withoutTag.substring(slash + 1), tag);
      }
    }
    return new PushEvent(Optional.empty(), withoutTag, tag);
  }

  /**
   * Whether this push concerns {@code image} (an ImageRepository's {@code spec.image}): the repository paths are
   * equal (Docker Hub's implicit {@code library/} aside), and so are the hosts when the payload names one.
   */
  public boolean concerns(String image) {
    PushEvent wanted = ofImage(image, Optional.empty());
    String wantedHost = wanted.host().orElse(DOCKER_HUB);
    boolean sameRepository = dockerHubPath(wanted.repository(), wantedHost).equals(
        dockerHubPath(repository, host.orElse(wantedHost)));
    return sameRepository && host.map(h -> h.equals(wantedHost)).orElse(true);
  }

  private static String dockerHubPath(String repository, String host) {
    return host.equals(DOCKER_HUB) && !repository.contains("/") ? "library/" + repository : repository;
  }

  private static String normalHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "hub.docker.com" -> DOCKER_HUB;
      default -> lower;
    };
  }

  private static String stripTagAndDigest(String image) {
    String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int lastSlash = name.lastIndexOf('/');
    int lastColon = name.lastIndexOf(':');
    return lastColon > lastSlash ? name.substring(0, lastColon) : name;
  }
}
