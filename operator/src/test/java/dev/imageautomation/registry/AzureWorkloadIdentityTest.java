package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.identity.EntraIdWorkloadIdentity;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.registry.StubHttpServer.Response;
import dev.imageautomation.testing.FakeServiceAccountTokens;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Azure Identity {@code ClientAssertionCredential} with a ServiceAccount token as the client assertion,
 * against a local HTTPS Entra ID, then the ACR exchange against a local endpoint.
 */
class AzureWorkloadIdentityTest {

    private static final ImageReference IMAGE = ImageReference.parse("myregistry.azurecr.io/app");

    private final StubHttpServer acr = new StubHttpServer();
    private final FakeServiceAccountTokens tokens = new FakeServiceAccountTokens();
    private LocalEntraId entra;

    @BeforeEach
    void startEntra() throws Exception {
        entra = new LocalEntraId();
        acr.handler(r -> Response.json("{\"refresh_token\":\""
                + AzureAcrCredentialsTest.jwtExpiringAt(Instant.parse("2031-05-01T00:00:00Z")) + "\"}"));
    }

    @AfterEach
    void stop() {
        entra.close();
        acr.close();
    }

    private CredentialProvider provider(Optional<String> controllerTenant, Map<String, String> annotations) {
        var identity = new AzureWorkloadIdentity(controllerTenant,
                builder -> builder.authorityHost(entra.authorityHost()).disableInstanceDiscovery()
                        .httpClient(entra.httpClient()),
                registry -> URI.create("http://" + acr.hostPort() + "/oauth2/exchange"), HttpClient::newHttpClient);
        return identity.providerFor(new ServiceAccountIdentity("apps", "acr-reader", annotations), tokens,
                Clock.systemUTC());
    }

    private static Map<String, String> annotations(String clientId, String tenantId) {
        Map<String, String> annotations = new HashMap<>();
        annotations.put(ServiceAccountIdentity.AZURE_CLIENT_ID, clientId);
        if (tenantId != null) {
            annotations.put(ServiceAccountIdentity.AZURE_TENANT_ID, tenantId);
        }
        return annotations;
    }

    @Test
    void shouldSendTheAccountsTokenAsClientAssertionOfTheAnnotatedApplication() {
        RegistryCredentials credentials = provider(Optional.empty(), annotations("client-1", "tenant-1"))
                .credentialsFor(IMAGE);

        assertThat(credentials).isInstanceOfSatisfying(RegistryCredentials.Basic.class,
                basic -> assertThat(basic.username()).isEqualTo(AzureAcrCredentials.USERNAME));
        // Azure Identity may ask for the assertion more than once per token; each is a fresh TokenRequest
        assertThat(tokens.requests()).isNotEmpty().containsOnly("apps/acr-reader api://AzureADTokenExchange");
        String request = URLDecoder.decode(entra.requests().get(0), StandardCharsets.UTF_8);
        assertThat(request).startsWith("/tenant-1/oauth2/v2.0/token")
                .contains("client_id=client-1", "client_assertion=kubernetes-jwt",
                        "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "scope=https://management.azure.com/.default");
        assertThat(URLDecoder.decode(acr.requests().get(0).body(), StandardCharsets.UTF_8))
                .contains("access_token=entra-access-token");
    }

    @Test
    void shouldSendEveryAccountsEntraIdRequestsThroughOneSharedHttpClient() {
        AtomicInteger clientsBuilt = new AtomicInteger();
        // no HTTP client among the endpoints: only the shared one trusts the local Entra ID's certificate
        var entraId = new EntraIdWorkloadIdentity(Optional.empty(), () -> {
            clientsBuilt.incrementAndGet();
            return entra.httpClient();
        }, builder -> builder.authorityHost(entra.authorityHost()).disableInstanceDiscovery());
        var identity = new AzureWorkloadIdentity(entraId,
                registry -> URI.create("http://" + acr.hostPort() + "/oauth2/exchange"), HttpClient::newHttpClient);

        for (int i = 0; i < 4; i++) {
            identity.providerFor(new ServiceAccountIdentity("apps", "reader-" + i,
                    annotations("client-" + i, "tenant-1")), tokens, Clock.systemUTC()).credentialsFor(IMAGE);
        }

        assertThat(clientsBuilt).hasValue(1);
        assertThat(entra.requests()).extracting(r -> URLDecoder.decode(r, StandardCharsets.UTF_8)
                .replaceAll(".*client_id=([^&]+).*", "$1"))
                .containsOnly("client-0", "client-1", "client-2", "client-3");
        assertThat(acr.requests()).hasSize(4);
    }

    @Test
    void shouldFallBackToTheControllersTenantWhenTheAccountNamesNone() {
        provider(Optional.of("controller-tenant"), annotations("client-1", null)).credentialsFor(IMAGE);

        assertThat(entra.requests().get(0)).startsWith("/controller-tenant/oauth2/v2.0/token");
    }

    @Test
    void shouldRefuseAnAccountWithoutClientIdOrTenant() {
        assertThatThrownBy(() -> provider(Optional.of("t"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failed to get provider identity from service account 'apps/acr-reader' annotations: "
                        + "azure client ID is not set in the service account annotation "
                        + "azure.workload.identity/client-id");
        assertThatThrownBy(() -> provider(Optional.empty(), annotations("client-1", null)))
                .hasMessageContaining("azure tenant ID is not set in the service account annotation "
                        + "azure.workload.identity/tenant-id nor in the controller's AZURE_TENANT_ID");
        assertThat(entra.requests()).isEmpty();
    }

    @Test
    void shouldPassOnWhyTheKubernetesTokenCouldNotBeIssued() {
        CredentialProvider provider = provider(Optional.empty(), annotations("client-1", "tenant-1"));
        tokens.refusing("forbidden");

        assertThatThrownBy(() -> provider.credentialsFor(IMAGE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("failed to create kubernetes token for service account 'apps/acr-reader': forbidden");
        assertThat(acr.requests()).isEmpty();
    }
}
