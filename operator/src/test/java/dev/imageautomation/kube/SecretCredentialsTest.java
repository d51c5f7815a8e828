package dev.imageautomation.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.registry.CredentialSource;
import dev.imageautomation.registry.ImageReference;
import dev.imageautomation.registry.RegistryCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCredentialsTest {

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static Secret secret(String name, String type, Map<String, String> data) {
        return new SecretBuilder().withNewMetadata().withNamespace("flux-system").withName(name).endMetadata()
                .withType(type).withData(data).build();
    }

    @Test
    void shouldReadTheReferenceDocumentsGhcrSecretAsReturnedByTheApiServer() {
        Secret ghcr = secret("ghcr-auth", "kubernetes.io/dockerconfigjson", Map.of(".dockerconfigjson",
                b64("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("octocat:ghp_pat") + "\"}}}")));

        CredentialSource source = SecretCredentials.fromPullSecrets(List.of(ghcr));

        assertThat(source.credentialsFor(ImageReference.parse("ghcr.io/org/app-name")))
                .isEqualTo(RegistryCredentials.basic("octocat", "ghp_pat"));
    }

    @Test
    void shouldIgnoreSecretsThatAreNotDockerConfigsAsFluxDoes() {
        Secret opaque = secret("other", "Opaque", Map.of("username", b64("u")));

        assertThat(SecretCredentials.fromPullSecrets(List.of(opaque))).isSameAs(CredentialSource.ANONYMOUS);
    }

    @Test
    void shouldReadLegacyDockercfgSecretsWrittenWithStringData() {
        Secret legacy = new SecretBuilder().withNewMetadata().withName("old").endMetadata()
                .withType("kubernetes.io/dockercfg")
                .withStringData(Map.of(".dockercfg", "{\"https://index.docker.io/v1/\":{\"username\":\"hub\","
                        + "\"password\":\"pw\"}}")).build();

        assertThat(SecretCredentials.fromPullSecrets(List.of(legacy))
                .credentialsFor(ImageReference.parse("docker.io/org/app-name")))
                .isEqualTo(RegistryCredentials.basic("hub", "pw"));
    }

    @Test
    void shouldNameTheSecretButNotItsContentWhenTheDockerConfigIsBroken() {
        Secret broken = secret("ghcr-auth", "kubernetes.io/dockerconfigjson",
                Map.of(".dockerconfigjson", b64("{\"auths\":{\"ghcr.io\":{\"auth\":topsecret")));

        assertThatThrownBy(() -> SecretCredentials.dockerConfig(broken))
                .hasMessageContaining("secret flux-system/ghcr-auth")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void shouldReadCaAndClientCertificateIncludingTheLegacyKeyNames() {
        var modern = SecretCredentials.tls(secret("tls", "kubernetes.io/tls",
                Map.of("ca.crt", b64("CA"), "tls.crt", b64("CRT"), "tls.key", b64("KEY"))));
        var legacy = SecretCredentials.tls(secret("tls", "Opaque", Map.of("caFile", b64("CA"))));

        assertThat(new String(modern.clientKey(), StandardCharsets.UTF_8)).isEqualTo("KEY");
        assertThat(new String(legacy.caCertificates(), StandardCharsets.UTF_8)).isEqualTo("CA");
        assertThat(legacy.clientCertificate()).isNull();
        assertThatThrownBy(() -> SecretCredentials.tls(secret("half", "Opaque", Map.of("tls.crt", b64("CRT")))))
                .hasMessageContaining("flux-system/half").hasMessageContaining("tls.key");
    }

    @Test
    void shouldReadTheProxyAndRejectAMissingAddress() {
        var proxy = SecretCredentials.proxy(secret("proxy", "Opaque", Map.of("address", b64("http://proxy:3128"),
                "username", b64("u"), "password", b64("p"))));

        assertThat(proxy.address().getHost()).isEqualTo("proxy");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.username()).isEqualTo("u");
        assertThatThrownBy(() -> SecretCredentials.proxy(secret("proxy", "Opaque", Map.of())))
                .hasMessageContaining("no 'address'");
    }

    @Test
    void shouldListAServiceAccountsImagePullSecrets() {
        var account = new ServiceAccountBuilder().withNewMetadata().withName("sa").endMetadata()
                .addNewImagePullSecret("one").addNewImagePullSecret("two").build();

        assertThat(SecretCredentials.imagePullSecretNames(account)).containsExactly("one", "two");
    }
}
