package dev.imageautomation.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart ships {@code files/crds/**} as byte-identical copies of {@code crds/**}: the same file names and the
 * same bytes, optional GitRepository CRD included, so {@code kubectl apply -f crds/} and {@code helm install}
 * create the same schema. Refresh the copies with {@code scripts/update-crds.sh}.
 */
class ChartCrdCopiesTest {

  static List<Path> committedCrds() throws IOException {
    return relativeYamlFiles(RepositoryLayout.crds());
  }

  @Test
  void shouldShipExactlyTheCommittedCrdFilesInTheChart() throws IOException {
    assertThat(relativeYamlFiles(RepositoryLayout.chartCrds()))
        .as("files under %s", RepositoryLayout.chartCrds())
        .containsExactlyElementsOf(committedCrds())
        .isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("committedCrds")
  void shouldKeepTheChartCopyByteIdenticalToTheCommittedCrd(Path relative) throws IOException {
    Path original = RepositoryLayout.crds().resolve(relative);
    Path copy = RepositoryLayout.chartCrds().resolve(relative);

    assertThat(copy).as("chart copy of crds/%s (run scripts/update-crds.sh)", relative).exists();
    assertThat(Files.readAllBytes(copy))
        .as("chart copy of crds/%s differs (run scripts/update-crds.sh)", relative)
        .isEqualTo(Files.readAllBytes(original));
  }

  private static List<Path> relativeYamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
          .map(dir::relativize)
          .sorted()
          .toList();
    }
  }
}
