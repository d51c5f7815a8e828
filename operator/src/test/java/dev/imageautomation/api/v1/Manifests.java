package dev.imageautomation.api.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the YAML manifests the model must understand: the reference document's and {@code deploy/samples/}. */
final class Manifests {

  /** One YAML document of a file. */
  record Document(Path file, int index, JsonNode tree) {

    String apiVersion() {
      return tree.path("apiVersion").asText("");
    }

    String kind() {
      return tree.path("kind").asText("");
    }

    /** The model class for this document's apiVersion and kind, if it is one of ours. */
    Optional<Class<? extends CustomResource<?, ?>>> modelClass() {
      return Optional.ofNullable(MODEL_CLASSES.get(apiVersion() + "/" + kind()));
    }

    @Override
    public String toString() {
      return file.getFileName() + "#" + index + " (" + kind() + " " + tree.path("metadata").path("name").asText() + ")";
    }
  }

  static final Map<String, Class<? extends CustomResource<?, ?>>> MODEL_CLASSES = Map.of(
      ApiGroups.IMAGE_API_VERSION + "/ImageRepository", ImageRepository.class,
      ApiGroups.IMAGE_API_VERSION + "/ImagePolicy", ImagePolicy.class,
      ApiGroups.IMAGE_API_VERSION + "/ImageUpdateAutomation", ImageUpdateAutomation.class,
      ApiGroups.SOURCE_API_VERSION + "/GitRepository", GitRepository.class);

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Manifests() {}

  static Path referenceDir() {
    return CrdFiles.moduleDir().resolve("src/test/resources/testdata/api/reference");
  }

  static Path statusDir() {
    return CrdFiles.moduleDir().resolve("src/test/resources/testdata/api/status");
  }

  static Path samplesDir() {
    return CrdFiles.moduleDir().getParent().resolve("deploy/samples");
  }

  /** Every document of every {@code .yaml} file in {@code dir}, files in name order. */
  static List<Document> documentsIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().flatMap(Manifests::documentsOf).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Document> documentsOf(Path file) {
    try {
      List<JsonNode> trees = YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file)).readAll();
      return Stream.iterate(0, i -> i < trees.size(), i -> i + 1)
          .filter(i -> trees.get(i) instanceof ObjectNode)
          .map(i -> new Document(file, i, trees.get(i)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
