package dev.imageautomation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Proves the test harness: a real API server serves the project's CRDs as Flux users know them (every manifest of
 * the reference document accepted and kept field for field, the printer columns of {@code kubectl get}, schema
 * validation, server-side apply, the status subresource).
 */
@WithKubeApiServer
@SuppressWarnings("unchecked")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeApiServerSmokeIT {

  private static final String GROUP_VERSION = "image.toolkit.fluxcd.io/v1";
  private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";

  private final KubernetesClient client;
  private final KubeCluster cluster;
  private final String namespace = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> namespaces = new ArrayList<>();

  KubeApiServerSmokeIT(KubernetesClient client, KubeCluster cluster) {
    this.client = client;
    this.cluster = cluster;
  }

  @BeforeAll
  void createNamespace() {
    createNamespaceNamed(namespace);
  }

  @AfterAll
  void deleteNamespaces() {
    // without a controller-manager a namespace only turns Terminating; on a real cluster this cleans up
    namespaces.forEach(ns -> client.namespaces().withName(ns).delete());
  }

  @Test
  void shouldEstablishTheImageAutomationCrdsAndTheOptionalGitRepositoryCrd() {
    List<String> names = CrdInstaller.installProjectCrds(client);

    assertThat(names).containsExactlyInAnyOrder("imagerepositories.image.toolkit.fluxcd.io",
        "imagepolicies.image.toolkit.fluxcd.io", "imageupdateautomations.image.toolkit.fluxcd.io",
        "gitrepositories.source.toolkit.fluxcd.io");
  }

  @ParameterizedTest
  @ValueSource(strings = {"imagerepository-aws-ecr", "imagerepository-gcp", "imagerepository-azure-acr",
      "imagerepository-ghcr", "imagerepository-docker-hub", "imagepolicy-numerical", "imagepolicy-semver",
      "imagepolicy-alphabetical", "imageupdateautomation", "complete-dev-environment"})
  void shouldKeepEveryFieldOfTheReferenceManifests(String example) {
    String ns = createNamespace(example);
    for (GenericKubernetesResource sent : loadReference(example)) {
      sent.getMetadata().setNamespace(ns);

      GenericKubernetesResource stored = client.resource(sent).create();

      assertThat(stored.getApiVersion()).isEqualTo(GROUP_VERSION);
      assertThat(FieldPaths.leaves(stored.get("spec")))
          .as("%s %s as stored (nothing pruned by the schema)", sent.getKind(), sent.getMetadata().getName())
          .containsAllEntriesOf(FieldPaths.leaves(sent.get("spec")));
    }
  }

  @Test
  void shouldAcceptTheGhcrPullSecretOfTheReference() {
    String ns = createNamespace("secret");
    GenericKubernetesResource secret = loadReference("secret-ghcr-auth").get(0);
    secret.getMetadata().setNamespace(ns);

    GenericKubernetesResource stored = client.resource(secret).create();

    assertThat((String) stored.get("type")).isEqualTo("kubernetes.io/dockerconfigjson");
    assertThat((Map<String, Object>) stored.get("data")).containsKey(".dockerconfigjson");
  }

  @Test
  void shouldPrintFluxImagePolicyColumnsInKubectlGet() {
    GenericKubernetesResource policy = createWithReadyStatus("printed", "ghcr.io/org/app", "v1.2.3");

    String output = cluster.kubectl("", "get", "imagepolicies", "-n", namespace,
        policy.getMetadata().getName()).successfulOutput();

    List<String> lines = output.lines().toList();
    assertThat(lines.get(0).split("\\s+")).containsExactly("NAME", "IMAGE", "TAG", "READY", "STATUS", "AGE");
    assertThat(lines.get(1).split("\\s{2,}")).startsWith("printed", "ghcr.io/org/app", "v1.2.3", "True",
        "Latest image tag for ghcr.io/org/app resolved to v1.2.3");
  }

  @Test
  void shouldServeImagePolicyAsATableWithThePrinterColumns() throws Exception {
    createWithReadyStatus("tabled", "docker.io/org/app", "2.0.0");

    Map<String, Object> table = getAsTable("/apis/" + GROUP_VERSION + "/namespaces/" + namespace
        + "/imagepolicies/tabled");

    var columns = (List<Map<String, Object>>) table.get("columnDefinitions");
    assertThat(columns).extracting(c -> c.get("name"))
        .containsExactly("Name", "Image", "Tag", "Ready", "Status", "Age");
    var cells = (List<Object>) ((List<Map<String, Object>>) table.get("rows")).get(0).get("cells");
    assertThat(cells).startsWith("tabled", "docker.io/org/app", "2.0.0", "True");
  }

  @ParameterizedTest
  @ValueSource(strings = {"imagerepository-docker-hub", "imageupdateautomation"})
  void shouldRejectAnIntervalThatIsNotADuration(String example) {
    GenericKubernetesResource invalid = reference(example, "invalid");
    ((Map<String, Object>) invalid.get("spec")).put("interval", "every minute");

    assertThatThrownBy(() -> client.resource(invalid).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("spec.interval");
        });
    assertThat(client.genericKubernetesResources(GROUP_VERSION, invalid.getKind()).inNamespace(namespace)
        .withName("invalid").get()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "interval without a digest policy | 5m |              | spec.interval is only accepted when"
          + " spec.digestReflectionPolicy is set to 'Always'",
      "interval with IfNotPresent       | 5m | IfNotPresent | spec.interval is only accepted when"
          + " spec.digestReflectionPolicy is set to 'Always'",
      "Always without an interval       |    | Always       | spec.interval must be set when"
          + " spec.digestReflectionPolicy is set to 'Always'"})
  void shouldEnforceTheCelRulesTyingThePolicyIntervalToDigestReflection(String story, String interval,
      String digestReflectionPolicy, String message) {
    GenericKubernetesResource policy = policyWith("cel-rejected", interval, digestReflectionPolicy);

    assertThatThrownBy(() -> client.resource(policy).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains(message);
        });
  }

  @Test
  void shouldAcceptAPolicyIntervalWhenDigestsAreAlwaysReflected() {
    GenericKubernetesResource stored = client.resource(policyWith("cel-accepted", "10m", "Always")).create();

    assertThat((String) stored.get("spec", "interval")).isEqualTo("10m");
  }

  @Test
  void shouldMergeServerSideAppliesAndReportAConflictBetweenFieldManagers() {
    GenericKubernetesResource repository = reference("imagerepository-docker-hub", "applied");
    client.resource(repository).fieldManager("flux-cli").serverSideApply();
    ((Map<String, Object>) repository.get("spec")).put("interval", "5m");

    assertThatThrownBy(() -> client.resource(repository).fieldManager("other-tool").serverSideApply())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    GenericKubernetesResource forced = client.resource(repository).fieldManager("other-tool").forceConflicts()
        .serverSideApply();

    assertThat((String) forced.get("spec", "interval")).isEqualTo("5m");
    assertThat(forced.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
        .contains("flux-cli", "other-tool");
  }

  @Test
  void shouldKeepStatusAndSpecApartThroughTheStatusSubresource() {
    GenericKubernetesResource policy = createWithReadyStatus("statused", "ghcr.io/org/app", "v1.0.0");
    assertThat((String) policy.get("status", "latestRef", "tag")).isEqualTo("v1.0.0");
    assertThat(policy.getMetadata().getGeneration()).isEqualTo(1L);

    policy.setAdditionalProperty("status", Map.of("latestRef", Map.of("name", "ghcr.io/org/app", "tag", "v9")));
    ((Map<String, Object>) policy.get("spec", "policy", "semver")).put("range", ">=2.0.0");
    GenericKubernetesResource updated = client.resource(policy).update();

    assertThat((String) updated.get("status", "latestRef", "tag")).as("status ignored on the main resource")
        .isEqualTo("v1.0.0");
    assertThat((String) updated.get("spec", "policy", "semver", "range")).isEqualTo(">=2.0.0");
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
  }

  private String createNamespace(String suffix) {
    return createNamespaceNamed(namespace + "-" + suffix);
  }

  private String createNamespaceNamed(String ns) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    namespaces.add(ns);
    return ns;
  }

  private GenericKubernetesResource createWithReadyStatus(String name, String image, String tag) {
    GenericKubernetesResource created = client.resource(reference("imagepolicy-semver", name)).create();
    created.setAdditionalProperty("status", Map.of(
        "latestRef", Map.of("name", image, "tag", tag),
        "observedGeneration", 1,
        "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "Succeeded",
            "lastTransitionTime", "2026-01-01T00:00:00Z",
            "message", "Latest image tag for " + image + " resolved to " + tag))));
    return client.resource(created).updateStatus();
  }

  private Map<String, Object> getAsTable(String path) throws InterruptedException, ExecutionException {
    HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
        .uri(client.getMasterUrl().toString().replaceAll("/$", "") + path)
        .header("Accept", TABLE)
        .build();
    HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class).get();
    assertThat(response.code()).as(response.body()).isEqualTo(200);
    return client.getKubernetesSerialization().unmarshal(response.body(), Map.class);
  }

  private GenericKubernetesResource policyWith(String name, String interval, String digestReflectionPolicy) {
    GenericKubernetesResource policy = reference("imagepolicy-semver", name);
    Map<String, Object> spec = policy.get("spec");
    if (interval != null) {
      spec.put("interval", interval);
    }
    if (digestReflectionPolicy != null) {
      spec.put("digestReflectionPolicy", digestReflectionPolicy);
    }
    return policy;
  }

  /** The first object of a reference example, renamed, in this class's namespace. */
  private GenericKubernetesResource reference(String example, String name) {
    GenericKubernetesResource item = loadReference(example).get(0);
    item.getMetadata().setNamespace(namespace);
    item.getMetadata().setName(name);
    return item;
  }

  /**
   * The objects of a reference example exactly as written: parsed as plain YAML, not through the Java model, so
   * what reaches the API server is the user's manifest and not the model's rendering of it.
   */
  private List<GenericKubernetesResource> loadReference(String example) {
    String resource = "/testdata/reference/" + example + ".yaml";
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      List<GenericKubernetesResource> objects = new ArrayList<>();
      for (Object document : new Load(LoadSettings.builder().build()).loadAllFromInputStream(in)) {
        if (document != null) {
          objects.add(client.getKubernetesSerialization().convertValue(document, GenericKubernetesResource.class));
        }
      }
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
