package dev.imageautomation.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.registry.CredentialSource;
import dev.imageautomation.registry.ImageReference;
import dev.imageautomation.registry.RegistryCredentials;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the referenced objects through the fabric8 client, against fabric8's mock API server (CRUD mode). */
@EnableKubernetesMockClient(crud = true)
class SecretCredentialsMockServerTest {

    KubernetesClient client;

    private void dockerSecret(String name, String host, String user) {
        client.secrets().inNamespace("apps").resource(new SecretBuilder().withNewMetadata().withName(name)
                .withNamespace("apps").endMetadata().withType(SecretCredentials.DOCKER_CONFIG_JSON_TYPE)
                .withStringData(Map.of(".dockerconfigjson",
                        "{\"auths\":{\"" + host + "\":{\"username\":\"" + user + "\",\"password\":\"pw\"}}}"))
                .build()).create();
    }

    @Test
    void shouldMergeSecretRefWithTheServiceAccountsImagePullSecrets() {
        dockerSecret("ghcr-auth", "ghcr.io", "from-secret-ref");
        dockerSecret("quay-auth", "quay.io", "from-service-account");
        client.serviceAccounts().inNamespace("apps").resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("scanner").withNamespace("apps").endMetadata().addNewImagePullSecret("quay-auth")
                .build()).create();

        CredentialSource source = new SecretCredentials(client).pullCredentials("apps", "ghcr-auth", "scanner");

        assertThat(source.credentialsFor(ImageReference.parse("ghcr.io/org/app")))
                .isEqualTo(RegistryCredentials.basic("from-secret-ref", "pw"));
        assertThat(source.credentialsFor(ImageReference.parse("quay.io/org/app")))
                .isEqualTo(RegistryCredentials.basic("from-service-account", "pw"));
    }

    @Test
    void shouldFailClearlyWhenTheSecretOrServiceAccountIsMissing() {
        SecretCredentials secrets = new SecretCredentials(client);

        assertThatThrownBy(() -> secrets.pullCredentials("apps", "absent", null))
                .hasMessage("secret apps/absent not found");
        assertThatThrownBy(() -> secrets.pullCredentials("apps", null, "nobody"))
                .hasMessage("service account apps/nobody not found");
    }
}
