package dev.imageautomation.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.testing.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code helm install} without the install: the chart, rendered with every optional part the API server can serve
 * (the ServiceMonitor needs the Prometheus Operator's CRD), is applied server-side as a dry run on a real
 * kube-apiserver after its CRDs were applied for real, and its pod passes the {@code restricted} Pod Security
 * Standard as the API server's own PodSecurity admission enforces it.
 */
@WithKubeApiServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartDryRunIT {

  private static final String FIELD_MANAGER = "helm";

  private final KubernetesClient client;
  private List<HasMetadata> rendered;

  ChartDryRunIT(KubernetesClient client) {
    this.client = client;
  }

  @BeforeAll
  void renderAndInstallTheCrds() throws Exception {
    String yaml = Helm.locate().template("--set", String.join(",", "crds.gitRepository=true",
        "podDisruptionBudget.enabled=true", "replicaCount=2",
        "serviceAccount.annotations.iam\\.gke\\.io/gcp-service-account=iao@project.iam.gserviceaccount.com"))
        .requireSuccess().stdout();
    rendered = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    for (HasMetadata crd : rendered) {
      if (crd instanceof CustomResourceDefinition) {
        client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        client.resource((CustomResourceDefinition) crd).waitUntilCondition(ChartDryRunIT::established, 60,
            TimeUnit.SECONDS);
      }
    }
    client.resource(new NamespaceBuilder().withNewMetadata().withName(RepositoryLayout.NAMESPACE).endMetadata()
        .build()).fieldManager(FIELD_MANAGER).serverSideApply();
  }

  @Test
  void shouldApplyEveryObjectOfTheChartAsAServerSideDryRun() {
    List<HasMetadata> objects = rendered.stream().filter(o -> !(o instanceof CustomResourceDefinition)).toList();

    for (HasMetadata object : objects) {
      HasMetadata applied = client.resource(object).dryRun().fieldManager(FIELD_MANAGER).serverSideApply();
      assertThat(applied.getMetadata().getName()).as(object.getKind()).isEqualTo(object.getMetadata().getName());
    }

    assertThat(objects).extracting(HasMetadata::getKind).contains("ServiceAccount", "ClusterRole",
        "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Deployment", "PodDisruptionBudget");
  }

  @Test
  void shouldRunItsPodUnderTheRestrictedPodSecurityStandard() {
    String namespace = restrictedNamespace();

    Pod admitted = client.resource(operatorPod(namespace)).dryRun().create();

    assertThat(admitted.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
  }

  @Test
  void shouldHaveAnAdmissionThatWouldRejectAPodLoosenedByOneSetting() {
    String namespace = restrictedNamespace();
    Pod loosened = operatorPod(namespace);
    loosened.getSpec().getContainers().get(0).getSecurityContext().setAllowPrivilegeEscalation(true);

    assertThatThrownBy(() -> client.resource(loosened).dryRun().create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(403);
          assertThat(e.getMessage()).contains("PodSecurity", "allowPrivilegeEscalation");
        });
  }

  private Pod operatorPod(String namespace) {
    Deployment deployment = rendered.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .findFirst().orElseThrow();
    return new PodBuilder()
        .withMetadata(deployment.getSpec().getTemplate().getMetadata())
        .editMetadata().withName("operator").withNamespace(namespace).endMetadata()
        .withSpec(deployment.getSpec().getTemplate().getSpec())
        .build();
  }

  private String restrictedNamespace() {
    String name = "restricted-" + UUID.randomUUID().toString().substring(0, 8);
    client.resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
        .addToLabels("pod-security.kubernetes.io/enforce-version", "latest")
        .endMetadata().build()).create();
    return name;
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd.getStatus() != null && crd.getStatus().getConditions().stream()
        .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
  }
}
