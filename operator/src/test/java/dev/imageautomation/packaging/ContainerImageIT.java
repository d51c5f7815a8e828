package dev.imageautomation.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The image tarball Jib built ({@code scripts/build-image.sh}, the {@code image} profile) is what the chart expects
 * to run: the operator command as a non-root user, container-sized JVM flags, the ports the chart's Service targets,
 * the volumes it mounts, and the application and a JRE in its layers.
 */
class ContainerImageIT {

  private static final Path TARBALL = RepositoryLayout.root().resolve("operator/target/image-automation-image.tar");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode config;
  private static Set<String> files;
  private static String classpathFile;

  @BeforeAll
  static void readImage() throws IOException {
    assertThat(TARBALL).as("image tarball; build it with scripts/build-image.sh").exists();
    Map<String, byte[]> entries = readTar(Files.newInputStream(TARBALL), false);
    JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
    assertThat(manifest).hasSize(1);
    config = JSON.readTree(entries.get(manifest.get(0).get("Config").asText()));
    files = new TreeSet<>();
    for (JsonNode layer : manifest.get(0).get("Layers")) {
      byte[] blob = entries.get(layer.asText());
      boolean gzipped = blob.length > 1 && (blob[0] & 0xff) == 0x1f && (blob[1] & 0xff) == 0x8b;
      Map<String, byte[]> layerFiles = readTar(new ByteArrayInputStream(blob), gzipped);
      files.addAll(layerFiles.keySet());
      if (layerFiles.containsKey("app/jib-classpath-file")) {
        classpathFile = new String(layerFiles.get("app/jib-classpath-file"), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void shouldRunTheOperatorCommandAsTheNonRootUserTheChartExpects() {
    JsonNode container = config.get("config");

    assertThat(container.get("User").asText()).isEqualTo("65532:65532");
    assertThat(texts(container.get("Cmd"))).containsExactly("operator");
    List<String> entrypoint = texts(container.get("Entrypoint"));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo("dev.imageautomation.Main");
  }

  @Test
  void shouldSizeTheHeapFromTheContainerMemoryLimitAndDieOnOutOfMemory() {
    assertThat(texts(config.get("config").get("Entrypoint")))
        .contains("-XX:MaxRAMPercentage=60", "-XX:InitialRAMPercentage=10", "-XX:+ExitOnOutOfMemoryError")
        .noneMatch(flag -> flag.startsWith("-Xmx"));
  }

  @Test
  void shouldExposeThePortsAndVolumesTheChartUses() throws IOException {
    Map<String, Object> service = RenderedChart.at(chartValues(), "service");
    Set<String> ports = new TreeSet<>();
    config.get("config").get("ExposedPorts").fieldNames().forEachRemaining(ports::add);

    assertThat(ports).contains(service.get("metricsPort") + "/tcp", service.get("webhookPort") + "/tcp", "9440/tcp");
    Set<String> volumes = new TreeSet<>();
    config.get("config").get("Volumes").fieldNames().forEachRemaining(volumes::add);
    assertThat(volumes).containsExactly("/data", "/tmp");
  }

  @Test
  void shouldCarryTheApplicationWithEveryJarOnItsClassPathAndAJre() {
    assertThat(files).contains("app/classes/dev/imageautomation/Main.class", "opt/java/openjdk/bin/java");
    assertThat(classpathFile).as("app/jib-classpath-file").isNotBlank();
    for (String entry : classpathFile.strip().split(":")) {
      assertThat(files).as("class path entry %s", entry).contains(entry.substring(1).replaceAll("/\\*$", ""));
    }
  }

  private static Map<String, Object> chartValues() throws IOException {
    return RenderedChart.asMap(new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(RepositoryLayout.chart().resolve("values.yaml"))));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /** Entry name (without a leading {@code ./} or {@code /}) to content; directories map to empty content. */
  private static Map<String, byte[]> readTar(InputStream in, boolean gzipped) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(gzipped ? new GZIPInputStream(in) : in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
        entries.put(name, entry.isFile() ? tar.readAllBytes() : new byte[0]);
      }
    }
    return entries;
  }
}
