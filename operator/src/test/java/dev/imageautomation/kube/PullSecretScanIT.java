package dev.imageautomation.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.registry.ConnectionSettings;
import dev.imageautomation.registry.HttpRegistryClients;
import dev.imageautomation.registry.ImageReference;
import dev.imageautomation.registry.InMemoryTagStore;
import dev.imageautomation.registry.RegistryException;
import dev.imageautomation.registry.RegistryScanner;
import dev.imageautomation.registry.ScanOutcome;
import dev.imageautomation.registry.ScanRequest;
import dev.imageautomation.registry.TagStoreKey;
import dev.imageautomation.testing.RegistryServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference document's GHCR secret layout, pointed at a local htpasswd registry, drives a real scan. */
class PullSecretScanIT {

    private static RegistryServer registry;

    @BeforeAll
    static void start() {
        registry = RegistryServer.start(RegistryServer.Mode.HTPASSWD);
        registry.pushTags("org/app-name", "1.0.0", "1.1.0", "sha256-abc.sig");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    /** Exactly the reference's {@code ghcr-auth} Secret, with the registry host in place of {@code ghcr.io}. */
    private static Secret ghcrStyleSecret(String user, String password) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new SecretBuilder().withNewMetadata().withName("ghcr-auth").withNamespace("flux-system").endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .withStringData(Map.of(".dockerconfigjson",
                        "{\"auths\":{\"" + registry.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}\n"))
                .build();
    }

    private static ScanOutcome scan(Secret secret, InMemoryTagStore store) {
        RegistryScanner scanner = new RegistryScanner(new HttpRegistryClients(Clock.systemUTC()), store,
                Clock.systemUTC());
        return scanner.scan(new ScanRequest(new TagStoreKey("flux-system", "app-name-dev"),
                ImageReference.parse(registry.image("org/app-name")),
                SecretCredentials.fromPullSecrets(List.of(secret)),
                ConnectionSettings.defaults(Duration.ofSeconds(30)), null));
    }

    @Test
    void shouldScanWithTheGhcrStyleDockerConfigJsonSecret() {
        InMemoryTagStore store = new InMemoryTagStore();

        ScanOutcome outcome = scan(ghcrStyleSecret(RegistryServer.USERNAME, RegistryServer.PASSWORD), store);

        assertThat(outcome.tagCount()).isEqualTo(2);
        assertThat(outcome.latestTags()).containsExactly("1.1.0", "1.0.0");
        assertThat(store.get(new TagStoreKey("flux-system", "app-name-dev"))).contains(List.of("1.1.0", "1.0.0"));
    }

    @Test
    void shouldFailTheScanWithAnAuthenticationMessageWhenThePatIsWrong() {
        assertThatThrownBy(() -> scan(ghcrStyleSecret(RegistryServer.USERNAME, "expired-pat-value"),
                new InMemoryTagStore()))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining("expired-pat-value");
    }
}
