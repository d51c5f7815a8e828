package dev.imageautomation.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails when a committed CRD under {@code crds/} differs from what the build generates from the model. Run with
 * {@code -Dcrds.update=true} (what {@code scripts/update-crds.sh} does) to rewrite the committed files instead.
 */
class CrdDriftTest {

  static Stream<Class<? extends CustomResource<?, ?>>> kinds() {
    return CrdFiles.KINDS.stream();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void shouldCommitExactlyTheCrdTheBuildGenerates(Class<? extends CustomResource<?, ?>> kind) throws IOException {
    assertThat(CrdFiles.generated(kind))
        .as("crd-generator-maven-plugin output (run the build up to process-classes first)")
        .exists();
    String expected = CrdFiles.render(kind);
    assertCommitted(CrdFiles.committed(kind), expected);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void shouldShipTheSameCrdInTheHelmChart(Class<? extends CustomResource<?, ?>> kind) throws IOException {
    Optional<Path> copy = CrdFiles.chartCopy(kind);
    assumeTrue(copy.isPresent(), "no Helm chart in this checkout");
    assertCommitted(copy.get(), CrdFiles.render(kind));
  }

  private static void assertCommitted(Path committed, String expected) throws IOException {
    if (Boolean.getBoolean("crds.update")) {
      Files.createDirectories(committed.getParent());
      Files.writeString(committed, expected);
    }
    assertThat(committed).as("committed CRD %s is missing. %s", committed, CrdFiles.REFRESH_HINT).exists();
    assertThat(Files.readString(committed))
        .as("committed CRD %s differs from the model. %s", committed, CrdFiles.REFRESH_HINT)
        .isEqualTo(expected);
  }
}
