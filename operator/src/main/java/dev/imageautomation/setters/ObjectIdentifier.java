package dev.imageautomation.setters;

import java.util.Objects;

/**
 * The Kubernetes object a change was made in: Flux's {@code update.ObjectIdentifier}. Each field is empty
 * when the document lacks it (Helm values files and other non-Kubernetes YAML have all four empty; a
 * Kustomization has no name). The template reads {@code .APIVersion}, {@code .Kind}, {@code .Name} and
 * {@code .Namespace}.
 */
public record ObjectIdentifier(String apiVersion, String kind, String namespace, String name) {
  /** The identity of a document that is not a Kubernetes object. */
  public static final ObjectIdentifier NONE = new ObjectIdentifier("", "", "", "");

  public ObjectIdentifier {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }
}
