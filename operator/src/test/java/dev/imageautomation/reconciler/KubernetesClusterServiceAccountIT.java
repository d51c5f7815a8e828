package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imageautomation.testing.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link KubernetesCluster}'s ServiceAccount reads and TokenRequests against a real kube-apiserver. */
@WithKubeApiServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesClusterServiceAccountIT {

  private final KubernetesClient client;
  private final KubernetesCluster cluster;
  private final String namespace = "sa-" + UUID.randomUUID().toString().substring(0, 8);

  KubernetesClusterServiceAccountIT(KubernetesClient client) {
    this.client = client;
    this.cluster = new KubernetesCluster(client);
  }

  @BeforeAll
  void createTheAccount() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("ecr-reader").addToAnnotations("eks.amazonaws.com/role-arn", "arn:aws:iam::1:role/r")
        .endMetadata().addNewImagePullSecret("registry-auth").build()).create();
  }

  @Test
  void shouldReadTheAccountWithItsPullSecretsAndAnnotationsAndAnAbsentOneAsEmpty() {
    var account = cluster.serviceAccount(namespace, "ecr-reader").orElseThrow();

    assertThat(account.getImagePullSecrets()).extracting("name").containsExactly("registry-auth");
    assertThat(account.getMetadata().getAnnotations()).containsEntry("eks.amazonaws.com/role-arn",
        "arn:aws:iam::1:role/r");
    assertThat(cluster.serviceAccount(namespace, "nobody")).isEmpty();
  }

  @Test
  void shouldIssueATokenForTheAccountWithTheCloudsAudience() throws Exception {
    String token = cluster.serviceAccountToken(namespace, "ecr-reader", "sts.amazonaws.com");

    JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(claims.path("aud").toString()).contains("sts.amazonaws.com");
    assertThat(claims.path("sub").asText()).isEqualTo("system:serviceaccount:" + namespace + ":ecr-reader");
  }

  @Test
  void shouldFailToIssueATokenForAnAccountThatDoesNotExist() {
    assertThatThrownBy(() -> cluster.serviceAccountToken(namespace, "nobody", "sts.amazonaws.com"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("nobody");
  }
}
