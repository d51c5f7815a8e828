package dev.imageautomation.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed CRDs accept every documented manifest and reject the mistakes Flux's CRDs reject (checked
 * against the generated OpenAPI schema; the real API server tests do the same end to end).
 */
class CrdSchemaTest {

  @TestFactory
  Stream<DynamicTest> shouldAcceptEveryReferenceManifestSampleAndStatus() {
    return Stream.of(Manifests.referenceDir(), Manifests.samplesDir(), Manifests.statusDir())
        .flatMap(dir -> Manifests.documentsIn(dir).stream())
        .filter(d -> d.modelClass().isPresent())
        .map(d -> DynamicTest.dynamicTest(d.toString(), () ->
            assertThat(validatorFor(d.modelClass().orElseThrow()).validate(d.tree())).isEmpty()));
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake("09-imagepolicy-alphabetical", "spec.policy.alphabetical.order: Unsupported value \"newest\"",
            m -> at(m, "spec.policy.alphabetical").put("order", "newest")),
        mistake("01-imagerepository-aws-ecr", "spec.image: Required value", m -> at(m, "spec").remove("image")),
        mistake("01-imagerepository-aws-ecr", "spec.interval: must match ^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$",
            m -> at(m, "spec").put("interval", "1d")),
        mistake("01-imagerepository-aws-ecr", "spec.timeout: must match ^([0-9]+(\\.[0-9]+)?(ms|s|m))+$",
            m -> at(m, "spec").put("timeout", "1h")),
        mistake("01-imagerepository-aws-ecr", "spec.provider: Unsupported value \"docker\"",
            m -> at(m, "spec").put("provider", "docker")),
        mistake("01-imagerepository-aws-ecr", "spec.serviceAccountName: may not be longer than 253",
            m -> at(m, "spec").put("serviceAccountName", "a".repeat(254))),
        mistake("01-imagerepository-aws-ecr", "spec.exclusionList: must have at most 25 items",
            m -> fill(at(m, "spec").putArray("exclusionList"), 26)),
        mistake("04-imagerepository-ghcr", "spec.secretRef.name: Required value",
            m -> at(m, "spec.secretRef").remove("name")),
        mistake("01-imagerepository-aws-ecr", "spec.intervall: unknown field (the API server would prune it)",
            m -> at(m, "spec").put("intervall", "1m")),
        mistake("08-imagepolicy-semver", "spec.imageRepositoryRef: Required value",
            m -> at(m, "spec").remove("imageRepositoryRef")),
        mistake("08-imagepolicy-semver", "spec.policy.semver.range: Required value",
            m -> at(m, "spec.policy.semver").remove("range")),
        mistake("08-imagepolicy-semver", "spec.digestReflectionPolicy: Unsupported value \"always\"",
            m -> at(m, "spec").put("digestReflectionPolicy", "always")),
        mistake("10-imageupdateautomation", "spec.sourceRef.kind: Unsupported value \"OCIRepository\"",
            m -> at(m, "spec.sourceRef").put("kind", "OCIRepository")),
        mistake("10-imageupdateautomation", "spec.git.commit.author.email: Required value",
            m -> at(m, "spec.git.commit.author").remove("email")),
        mistake("10-imageupdateautomation", "spec.git.checkout.ref: Required value",
            m -> at(m, "spec.git.checkout").remove("ref")),
        mistake("10-imageupdateautomation", "spec.update.strategy: Unsupported value \"Kustomize\"",
            m -> at(m, "spec.update").put("strategy", "Kustomize")),
        mistake("10-imageupdateautomation", "spec.git.commit.signingKey.type: Unsupported value \"x509\"",
            m -> at(m, "spec.git.commit").putObject("signingKey").put("type", "x509").putObject("secretRef")
                .put("name", "k")),
        mistake("10-imageupdateautomation", "spec.interval: Required value", m -> at(m, "spec").remove("interval")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("mistakes")
  void shouldRejectWhatFluxRejects(String referenceFile, String expectedError, Consumer<ObjectNode> mistake) {
    Manifests.Document document = Manifests.documentsIn(Manifests.referenceDir()).stream()
        .filter(d -> d.file().getFileName().toString().startsWith(referenceFile))
        .findFirst()
        .orElseThrow();
    ObjectNode manifest = document.tree().deepCopy();
    mistake.accept(manifest);

    assertThat(validatorFor(document.modelClass().orElseThrow()).validate(manifest)).containsExactly(expectedError);
  }

  private static Arguments mistake(String file, String error, Consumer<ObjectNode> change) {
    return Arguments.of(file, error, change);
  }

  private static ObjectNode at(ObjectNode manifest, String path) {
    JsonNode node = manifest;
    for (String name : path.split("\\.")) {
      node = node.get(name);
    }
    return (ObjectNode) node;
  }

  private static void fill(ArrayNode array, int count) {
    for (int i = 0; i < count; i++) {
      array.add("^tag-" + i + "$");
    }
  }

  private static CrdSchemaValidator validatorFor(Class<? extends CustomResource<?, ?>> kind) {
    return new CrdSchemaValidator(CrdFiles.read(CrdFiles.committed(kind)));
  }
}
