package dev.imageautomation.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the pushed images out of the push notifications of the common registries. The format is recognised by its
 * shape, so one receiver URL works for any of them. An unrecognised body yields no events: the caller then treats
 * the authenticated call as "something was pushed" and scans every repository of the receiver.
 */
public final class PushPayloads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PushPayloads() {}

  /** The images a notification body reports as pushed; empty when the body is not a known format. */
  public static List<PushEvent> parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return List.of();
    }
    if (root == null || !root.isObject()) {
      return List.of();
    }
    if (root.has("events")) {
      return distribution(root.get("events"));
    }
    if (root.has("push_data")) {
      return dockerHub(root);
    }
    if (root.has("event_data")) {
      return harbor(root.get("event_data"));
    }
    if (root.has("package") || root.has("registry_package")) {
      return github(root.has("package") ? root.get("package") : root.get("registry_package"));
    }
    if (root.has("docker_url")) {
      return quay(root);
    }
    if (root.hasNonNull("image")) {
      return List.of(PushEvent.ofImage(root.get("image").asText(), text(root, "tag")));
    }
    return List.of();
  }

  /** OCI Distribution ({@code registry:2}, Harbor's core, GitLab, Zot…) {@code notifications} envelope. */
  private static List<PushEvent> distribution(JsonNode events) {
    List<PushEvent> pushes = new ArrayList<>();
    for (JsonNode event : events) {
      JsonNode target = event.path("target");
      if (!"push".equals(event.path("action").asText()) || !target.hasNonNull("repository")) {
        continue;
      }
      Optional<String> host = text(event.path("request"), "host");
      pushes.add(new PushEvent(host, target.get("repository").asText(), text(target, "tag")));
    }
    return pushes;
  }

  private static List<PushEvent> dockerHub(JsonNode root) {
    Optional<String> repository = text(root.path("repository"), "repo_name");
    return repository
        .map(r -> List.of(new PushEvent(Optional.of("docker.io"), r, text(root.path("push_data"), "tag"))))
        .orElse(List.of());
  }

  private static List<PushEvent> harbor(JsonNode eventData) {
    List<PushEvent> pushes = new ArrayList<>();
    for (JsonNode resource : eventData.path("resources")) {
      text(resource, "resource_url").ifPresent(url -> pushes.add(PushEvent.ofImage(url, text(resource, "tag"))));
    }
    if (pushes.isEmpty()) {
      text(eventData.path("repository"), "repo_full_name")
          .ifPresent(r -> pushes.add(new PushEvent(Optional.empty(), r, Optional.empty())));
    }
    return pushes;
  }

  private static List<PushEvent> github(JsonNode pkg) {
    JsonNode version = pkg.path("package_version");
    Optional<String> tag = text(version.path("container_metadata").path("tag"), "name");
    Optional<String> url = text(version, "package_url");
    if (url.isPresent()) {
      return List.of(PushEvent.ofImage(url.get(), tag.filter(t -> !t.isEmpty())));
    }
    Optional<String> owner = text(pkg.path("owner"), "login");
    Optional<String> name = text(pkg, "name");
    if (owner.isEmpty() || name.isEmpty()) {
      return List.of();
    }
    return List.of(new PushEvent(Optional.of("ghcr.io"), owner.get() + "/" + name.get(), tag));
  }

  private static List<PushEvent> quay(JsonNode root) {
    List<PushEvent> pushes = new ArrayList<>();
    String image = root.get("docker_url").asText();
    for (JsonNode tag : root.path("updated_tags")) {
      pushes.add(PushEvent.ofImage(image, Optional.of(tag.asText())));
    }
    return pushes.isEmpty() ? List.of(PushEvent.ofImage(image, Optional.empty())) : pushes;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
