package dev.imageautomation.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed CRDs present themselves to {@code kubectl} exactly as Flux's do: names, short names, categories,
 * printer columns in Flux's order, the status subresource, one served and stored version v1, and the status default.
 */
class FluxCrdParityTest {

  private static final Tuple READY = tuple("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", 0);
  private static final Tuple STATUS =
      tuple("Status", "string", ".status.conditions[?(@.type==\"Ready\")].message", 0);
  private static final Tuple AGE = tuple("Age", "date", ".metadata.creationTimestamp", 0);

  record Expected(String group, String plural, String singular, List<String> shortNames, List<String> categories,
      List<Tuple> columns) {}

  static Stream<Arguments> kinds() {
    List<String> imageCategories = List.of("all", "fluxcd", "fluxcd-images");
    return Stream.of(
        Arguments.of(ImageRepository.class, new Expected(ApiGroups.IMAGE, "imagerepositories", "imagerepository",
            List.of("imgrepo", "imagerepo"), imageCategories, List.of(
                tuple("Image", "string", ".spec.image", 0),
                tuple("Tags", "string", ".status.lastScanResult.tagCount", 0),
                READY, STATUS,
                tuple("Last scan", "string", ".status.lastScanResult.scanTime", 1),
                AGE))),
        Arguments.of(ImagePolicy.class, new Expected(ApiGroups.IMAGE, "imagepolicies", "imagepolicy",
            List.of("imgpol", "imagepol"), imageCategories, List.of(
                tuple("Image", "string", ".status.latestRef.name", 0),
                tuple("Tag", "string", ".status.latestRef.tag", 0),
                READY, STATUS, AGE))),
        Arguments.of(ImageUpdateAutomation.class, new Expected(ApiGroups.IMAGE, "imageupdateautomations",
            "imageupdateautomation", List.of("iua", "imgupd", "imgauto"), imageCategories, List.of(
                READY, STATUS,
                tuple("Last run", "string", ".status.lastAutomationRunTime", 1),
                AGE))),
        Arguments.of(GitRepository.class, new Expected(ApiGroups.SOURCE, "gitrepositories", "gitrepository",
            List.of("gitrepo"), List.of(), List.of(
                tuple("URL", "string", ".spec.url", 0), AGE, READY, STATUS))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void shouldLookLikeFluxToKubectl(Class<? extends CustomResource<?, ?>> kind, Expected expected) {
    CustomResourceDefinition crd = CrdFiles.read(CrdFiles.committed(kind));
    CustomResourceDefinitionNames names = crd.getSpec().getNames();

    assertThat(crd.getMetadata().getName()).isEqualTo(expected.plural() + "." + expected.group());
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(names.getKind()).isEqualTo(kind.getSimpleName());
    assertThat(names.getPlural()).isEqualTo(expected.plural());
    assertThat(names.getSingular()).isEqualTo(expected.singular());
    assertThat(names.getShortNames()).containsExactlyElementsOf(expected.shortNames());
    assertThat(names.getCategories()).containsExactlyElementsOf(expected.categories());
    assertThat(crd.getSpec().getVersions()).singleElement().satisfies(version -> {
      assertThat(version.getName()).isEqualTo("v1");
      assertThat(version.getServed()).isTrue();
      assertThat(version.getStorage()).isTrue();
      assertThat(version.getSubresources().getStatus()).as("status subresource").isNotNull();
      assertThat(version.getAdditionalPrinterColumns())
          .extracting(CustomResourceColumnDefinition::getName, CustomResourceColumnDefinition::getType,
              CustomResourceColumnDefinition::getJsonPath, CustomResourceColumnDefinition::getPriority)
          .containsExactlyElementsOf(expected.columns());
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void shouldDefaultAMissingStatusToNothingObservedLikeFlux(Class<? extends CustomResource<?, ?>> kind) {
    JSONSchemaProps status = schema(kind).getProperties().get("status");

    if (kind == GitRepository.class) {
      assertThat(status.getDefault()).as("the read model leaves source-controller's status alone").isNull();
    } else {
      assertThat(status.getDefault().path("observedGeneration").asLong()).isEqualTo(-1L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void shouldDescribeEveryField(Class<? extends CustomResource<?, ?>> kind) {
    JSONSchemaProps root = schema(kind);

    assertThat(undescribed(root.getProperties().get("spec"), "spec")).isEmpty();
  }

  private static Stream<String> undescribedStream(JSONSchemaProps schema, String path) {
    Stream<String> self = schema.getDescription() == null || schema.getDescription().isBlank()
        ? Stream.of(path) : Stream.empty();
    Stream<String> children = schema.getProperties() == null ? Stream.empty()
        : schema.getProperties().entrySet().stream()
            .filter(e -> !isFabric8Model(path + "." + e.getKey()))
            .flatMap(e -> undescribedStream(e.getValue(), path + "." + e.getKey()));
    Stream<String> items = schema.getItems() == null || schema.getItems().getSchema() == null ? Stream.empty()
        : undescribedStream(schema.getItems().getSchema(), path + "[]").filter(p -> !p.equals(path + "[]"));
    return Stream.of(self, children, items).flatMap(s -> s);
  }

  private static List<String> undescribed(JSONSchemaProps schema, String path) {
    return undescribedStream(schema, path).toList();
  }

  // fields inside fabric8's own types (LabelSelector) carry no descriptions in fabric8's model
  private static boolean isFabric8Model(String path) {
    return path.startsWith("spec.policySelector.");
  }

  private static JSONSchemaProps schema(Class<? extends CustomResource<?, ?>> kind) {
    CustomResourceDefinitionVersion version = CrdFiles.read(CrdFiles.committed(kind)).getSpec().getVersions().get(0);
    return version.getSchema().getOpenAPIV3Schema();
  }
}
