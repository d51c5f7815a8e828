package dev.imageautomation.cli;

import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.reconciler.InMemoryCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads the objects of a {@code run}: every {@code .yaml}/{@code .yml} file given, or found under a directory given,
 * each possibly with several documents. The kinds the pass understands are kept (ImageRepository, ImagePolicy,
 * ImageUpdateAutomation, GitRepository, Secret, ServiceAccount, Namespace); others are listed as skipped, so a file
 * of mixed manifests works. Objects without a namespace land in {@code default}, as {@code kubectl apply} would put
 * them.
 */
final class ManifestFiles {

  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      "ImageRepository", ImageRepository.class,
      "ImagePolicy", ImagePolicy.class,
      "ImageUpdateAutomation", ImageUpdateAutomation.class,
      "GitRepository", GitRepository.class,
      "Secret", Secret.class,
      "ServiceAccount", ServiceAccount.class,
      "Namespace", Namespace.class);

  /** What was read: the objects, and a line per document that was not used. */
  record Loaded(InMemoryCluster cluster, List<String> skipped) {}

  private ManifestFiles() {}

  /** @throws IllegalArgumentException naming the file when a document is not valid YAML or not an object */
  static Loaded load(List<Path> paths) throws IOException {
    InMemoryCluster cluster = new InMemoryCluster();
    List<String> skipped = new ArrayList<>();
    for (Path file : yamlFiles(paths)) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (Object document : documents(file, text)) {
        if (document == null) {
          continue;
        }
        if (!(document instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kind)) {
          skipped.add(file + ": a document without a kind");
          continue;
        }
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
          skipped.add(file + ": " + kind + " (not used by run)");
          continue;
        }
        cluster.add(normalised(Serialization.jsonMapper().convertValue(map, type)));
      }
    }
    return new Loaded(cluster, skipped);
  }

  private static List<Object> documents(Path file, String text) {
    try {
      List<Object> documents = new ArrayList<>();
      // the loader is lazy: parse every document here so that a syntax error is reported with its file
      new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadAllFromString(text)
          .forEach(documents::add);
      return documents;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  /** Defaults what the API server would: the namespace, and a Secret's stringData folded into data. */
  private static HasMetadata normalised(HasMetadata object) {
    if (object.getMetadata().getNamespace() == null && !(object instanceof Namespace)) {
      object.getMetadata().setNamespace("default");
    }
    if (object.getMetadata().getGeneration() == null) {
      object.getMetadata().setGeneration(1L);
    }
    if (object instanceof Secret secret && secret.getStringData() != null) {
      Map<String, String> data = new HashMap<>(secret.getData() == null ? Map.of() : secret.getData());
      secret.getStringData().forEach((k, v) -> data.put(k,
          Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
      secret.setData(data);
      secret.setStringData(null);
    }
    return object;
  }

  private static List<Path> yamlFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(ManifestFiles::isYaml).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException(path + ": no such file or directory");
      }
    }
    return files;
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
