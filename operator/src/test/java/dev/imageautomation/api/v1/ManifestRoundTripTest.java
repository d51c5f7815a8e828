package dev.imageautomation.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Flux manifest of the reference document and of {@code deploy/samples/} survives a trip through the model
 * (read with the same serialization the Kubernetes client uses, written back) without losing or changing a field.
 */
class ManifestRoundTripTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @TestFactory
  Stream<DynamicTest> shouldRoundTripEveryReferenceManifestWithoutLoss() {
    return roundTrips(Manifests.documentsIn(Manifests.referenceDir()));
  }

  @TestFactory
  Stream<DynamicTest> shouldRoundTripEverySampleWithoutLoss() {
    return roundTrips(Manifests.documentsIn(Manifests.samplesDir()));
  }

  @TestFactory
  Stream<DynamicTest> shouldRoundTripReconciledObjectsWithTheirStatus() {
    return roundTrips(Manifests.documentsIn(Manifests.statusDir()));
  }

  @Test
  void shouldFindEveryFluxManifestOfTheReferenceDocument() {
    assertThat(countByKind(Manifests.documentsIn(Manifests.referenceDir())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ImageRepository", 6L, "ImagePolicy", 4L, "ImageUpdateAutomation", 2L));
  }

  @Test
  void shouldHaveSamplesOfEveryKind() {
    List<Manifests.Document> samples = Manifests.documentsIn(Manifests.samplesDir());
    assertThat(samples).allSatisfy(d -> assertThat(d.modelClass()).as("%s is a kind of the model", d).isPresent());
    assertThat(countByKind(samples).keySet())
        .containsExactlyInAnyOrder("ImageRepository", "ImagePolicy", "ImageUpdateAutomation", "GitRepository");
  }

  @TestFactory
  Stream<DynamicTest> shouldTurnEveryKindIntoItsModelClassWithoutBeingToldTheType() {
    return Manifests.documentsIn(Manifests.samplesDir()).stream()
        .map(d -> DynamicTest.dynamicTest(d.toString(), () ->
            assertThat((Object) SERIALIZATION.unmarshal(d.tree().toString()))
                .isInstanceOf(d.modelClass().orElseThrow())));
  }

  // The model ignores unknown fields (so a newer CRD cannot break the operator); the round trip must show them.
  @Test
  void shouldNoticeAFieldTheModelDoesNotKnow() {
    JsonNode original = SERIALIZATION.convertValue(Map.of(
        "apiVersion", ApiGroups.IMAGE_API_VERSION, "kind", "ImageRepository",
        "metadata", Map.of("name", "x"),
        "spec", Map.of("image", "alpine", "interval", "1m", "typoField", true)), JsonNode.class);

    JsonNode afterRoundTrip = roundTrip(original, ImageRepository.class);

    assertThat(afterRoundTrip.path("spec").has("typoField")).isFalse();
    assertThat(afterRoundTrip).isNotEqualTo(normalized(original));
  }

  private static Stream<DynamicTest> roundTrips(List<Manifests.Document> documents) {
    return documents.stream()
        .filter(d -> d.modelClass().isPresent())
        .map(d -> DynamicTest.dynamicTest(d.toString(), () ->
            assertThat(roundTrip(d.tree(), d.modelClass().orElseThrow()))
                .as("%s after a round trip through %s", d, d.modelClass().orElseThrow().getSimpleName())
                .isEqualTo(normalized(d.tree()))));
  }

  private static JsonNode roundTrip(JsonNode manifest, Class<? extends CustomResource<?, ?>> type) {
    CustomResource<?, ?> resource = SERIALIZATION.unmarshal(manifest.toString(), type);
    return normalized(SERIALIZATION.convertValue(resource, JsonNode.class));
  }

  // Through JSON text, so that a YAML int and a Java long of the same value compare equal.
  private static JsonNode normalized(JsonNode tree) {
    return SERIALIZATION.unmarshal(tree.toString(), JsonNode.class);
  }

  private static Map<String, Long> countByKind(List<Manifests.Document> documents) {
    return documents.stream()
        .filter(d -> d.modelClass().isPresent())
        .map(Manifests.Document::kind)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
