package dev.imageautomation.api.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the CRDs of the model are generated and committed, and how a generated CRD becomes the committed file.
 *
 * <p>crd-generator-maven-plugin writes {@code target/classes/META-INF/fabric8/<crd>-v1.yml} but orders printer
 * columns by JSON path; {@link #render} restores the order in which the kind declares them (Flux's order, which
 * is what {@code kubectl get} shows) and adds a header saying how to refresh the file.
 */
public final class CrdFiles {

  /** The kinds with a CRD, in the order of their committed files. */
  public static final List<Class<? extends CustomResource<?, ?>>> KINDS =
      List.of(ImageRepository.class, ImagePolicy.class, ImageUpdateAutomation.class, GitRepository.class);

  static final String REFRESH_HINT =
      "Refresh with scripts/update-crds.sh (or: mvn -o -pl operator test -Dtest=CrdDriftTest -Dcrds.update=true)";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private CrdFiles() {}

  /** The operator module directory (tests run there). */
  public static Path moduleDir() {
    Path cwd = Path.of("").toAbsolutePath();
    return Files.isDirectory(cwd.resolve("src/main/java/dev/imageautomation")) ? cwd : cwd.resolve("operator");
  }

  /** {@code <plural>.<group>-v1.yml}. */
  public static String fileName(Class<? extends CustomResource<?, ?>> kind) {
    return CustomResource.getCRDName(kind) + "-v1.yml";
  }

  /** The file crd-generator-maven-plugin wrote for {@code kind}. */
  public static Path generated(Class<? extends CustomResource<?, ?>> kind) {
    return moduleDir().resolve("target/classes/META-INF/fabric8").resolve(fileName(kind));
  }

  /** The committed file: {@code crds/} for the image kinds, {@code crds/optional/} for GitRepository. */
  public static Path committed(Class<? extends CustomResource<?, ?>> kind) {
    return inCrdDirectory(moduleDir().getParent().resolve("crds"), kind);
  }

  /** The Helm chart's copy of the committed file, when the chart exists. */
  public static Optional<Path> chartCopy(Class<? extends CustomResource<?, ?>> kind) {
    Path chart = moduleDir().getParent().resolve("charts/image-automation-operator");
    return Files.isDirectory(chart) ? Optional.of(inCrdDirectory(chart.resolve("files/crds"), kind)) : Optional.empty();
  }

  private static Path inCrdDirectory(Path crds, Class<? extends CustomResource<?, ?>> kind) {
    return (kind == GitRepository.class ? crds.resolve("optional") : crds).resolve(fileName(kind));
  }

  /** Reads a CRD file into the fabric8 model. */
  public static CustomResourceDefinition read(Path file) {
    try {
      return SERIALIZATION.unmarshal(Files.readString(file), CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The committed form of the plugin's output for {@code kind}. */
  public static String render(Class<? extends CustomResource<?, ?>> kind) {
    CustomResourceDefinition crd = read(generated(kind));
    List<String> declared = Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name)
        .toList();
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
      columns.sort(Comparator.comparingInt((CustomResourceColumnDefinition c) -> declared.indexOf(c.getName())));
    }
    String yaml = SERIALIZATION.asYaml(crd).replaceFirst("^---\n", "");
    return "# Generated from " + kind.getName() + " by crd-generator-maven-plugin; do not edit.\n"
        + "# " + REFRESH_HINT + "\n"
        + yaml;
  }
}
