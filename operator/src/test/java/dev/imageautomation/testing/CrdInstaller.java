package dev.imageautomation.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Applies CRD manifests (server-side apply, so re-installing is a no-op) and waits until each is Established. */
public final class CrdInstaller {

  static final String FIELD_MANAGER = "image-automation-tests";
  private static final long ESTABLISHED_TIMEOUT_SECONDS = 60;

  private CrdInstaller() {
  }

  /** Installs the project's CRDs ({@link ProjectLayout#crdFiles()}); returns their names. */
  public static List<String> installProjectCrds(KubernetesClient client) {
    return install(client, ProjectLayout.crdFiles());
  }

  /** Installs every CRD in {@code files}; returns their names, in file order. */
  public static List<String> install(KubernetesClient client, List<Path> files) {
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      for (HasMetadata item : load(client, file)) {
        if (!(item instanceof CustomResourceDefinition crd)) {
          throw new IllegalStateException(file + " holds a " + item.getKind() + ", not a CustomResourceDefinition");
        }
        client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        names.add(crd.getMetadata().getName());
      }
    }
    names.forEach(name -> awaitEstablished(client, name));
    return names;
  }

  private static List<HasMetadata> load(KubernetesClient client, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return client.load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void awaitEstablished(KubernetesClient client, String name) {
    client.apiextensions().v1().customResourceDefinitions().withName(name).waitUntilCondition(
        crd -> crd != null && crd.getStatus() != null && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())),
        ESTABLISHED_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
