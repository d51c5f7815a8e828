package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.identity.ClientSecretCredentialBuilder;
import dev.imageautomation.registry.StubHttpServer.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Azure Identity (MSAL client-credentials flow) against a local HTTPS Entra ID token endpoint, then the
 * ACR {@code /oauth2/exchange} call against a local endpoint.
 */
class AzureAcrCredentialsTest {

    private static final Instant REFRESH_EXPIRY = Instant.parse("2031-05-01T00:00:00Z");

    private final StubHttpServer acr = new StubHttpServer();
    private LocalEntraId entra;

    @BeforeEach
    void startEntra() throws Exception {
        entra = new LocalEntraId();
    }

    @AfterEach
    void stop() {
        entra.close();
        acr.close();
    }

    @Test
    void shouldExchangeTheEntraTokenForAnAcrRefreshTokenUsedAsPasswordOfTheZeroUser() throws Exception {
        String refresh = jwtExpiringAt(REFRESH_EXPIRY);
        acr.handler(r -> Response.json("{\"refresh_token\":\"" + refresh + "\"}"));
        CredentialProvider provider = provider();

        RegistryCredentials credentials = provider.credentialsFor(ImageReference.parse("myregistry.azurecr.io/app"));
        provider.credentialsFor(ImageReference.parse("myregistry.azurecr.io/app"));

        assertThat(credentials).isEqualTo(RegistryCredentials.basic(AzureAcrCredentials.USERNAME, refresh));
        assertThat(entra.requests()).hasSize(1);
        assertThat(URLDecoder.decode(entra.requests().get(0), StandardCharsets.UTF_8))
                .startsWith("/tenant-id/oauth2/v2.0/token")
                .contains("grant_type=client_credentials")
                .contains("scope=https://management.azure.com/.default");
        assertThat(acr.requests()).hasSize(1);
        String form = URLDecoder.decode(acr.requests().get(0).body(), StandardCharsets.UTF_8);
        assertThat(form).contains("grant_type=access_token").contains("service=myregistry.azurecr.io")
                .contains("access_token=entra-access-token");
    }

    @Test
    void shouldReportARefusedExchangeWithTheRegistrysErrorButNotTheToken() throws Exception {
        acr.handler(r -> new Response(401, java.util.Map.of(),
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"identity not authorized\"}]}", 0));

        assertThatThrownBy(() -> provider().credentialsFor(ImageReference.parse("myregistry.azurecr.io/app")))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("HTTP 401 UNAUTHORIZED identity not authorized")
                .hasMessageNotContaining("entra-access-token");
    }

    @Test
    void shouldPickTheSovereignCloudScopeFromTheRegistryHost() {
        assertThat(AzureAcrCredentials.scopeFor("r.azurecr.cn")).contains("chinacloudapi.cn");
        assertThat(AzureAcrCredentials.scopeFor("r.azurecr.us")).contains("usgovcloudapi.net");
        assertThat(AzureAcrCredentials.jwtExpiry(jwtExpiringAt(REFRESH_EXPIRY))).contains(REFRESH_EXPIRY);
    }

    private CredentialProvider provider() {
        var credential = new ClientSecretCredentialBuilder().tenantId("tenant-id").clientId("client-id")
                .clientSecret("client-secret").authorityHost(entra.authorityHost())
                .disableInstanceDiscovery().httpClient(entra.httpClient()).build();
        var fetcher = new AzureAcrCredentials(credential,
                registry -> URI.create("http://" + acr.hostPort() + "/oauth2/exchange"), HttpClient.newHttpClient());
        return AzureAcrCredentials.provider(fetcher, Clock.systemUTC());
    }

    static String jwtExpiringAt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }
}
