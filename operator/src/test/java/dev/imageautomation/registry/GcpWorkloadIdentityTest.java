package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.javanet.NetHttpTransport;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.registry.StubHttpServer.Response;
import dev.imageautomation.testing.FakeServiceAccountTokens;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Google Auth Library identity-pool credentials with a ServiceAccount token supplier, against a local
 * STS token endpoint and a local IAM Credentials {@code generateAccessToken} endpoint.
 */
class GcpWorkloadIdentityTest {

    private static final String POOL_PROVIDER =
            "projects/123456789/locations/global/workloadIdentityPools/fleet/providers/cluster-a";
    private static final String EMAIL = "gar-reader@project-a.iam.gserviceaccount.com";
    private static final ImageReference IMAGE = ImageReference.parse("europe-docker.pkg.dev/project-a/repo/app");

    private final SelfSignedTls tls = SelfSignedTls.create();
    private final StubHttpServer google = new StubHttpServer(tls.serverContext());
    private final FakeServiceAccountTokens tokens = new FakeServiceAccountTokens();
    private final AtomicInteger transportsBuilt = new AtomicInteger();

    @BeforeEach
    void answer() {
        google.handler(r -> r.uri().getPath().equals("/v1/token")
                ? Response.json("{\"access_token\":\"federated-token\",\"issued_token_type\":"
                        + "\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":3600}")
                : Response.json("{\"accessToken\":\"impersonated-token\",\"expireTime\":\"2030-01-01T00:00:00Z\"}"));
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private CredentialProvider provider(Map<String, String> annotations) {
        return identity().providerFor(new ServiceAccountIdentity("apps", "gar-reader", annotations), tokens,
                Clock.systemUTC());
    }

    private GcpWorkloadIdentity identity() {
        String base = "https://" + google.hostPort();
        return new GcpWorkloadIdentity(base + "/v1/token", base + "/v1/projects/-/serviceAccounts/", () -> {
            transportsBuilt.incrementAndGet();
            try {
                return new NetHttpTransport.Builder().trustCertificates(tls.trustStore()).build();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void shouldExchangeTheAccountsTokenForTheAnnotatedPoolAtStsAndUseTheFederatedToken() {
        RegistryCredentials credentials = provider(Map.of(ServiceAccountIdentity.GCP_WORKLOAD_IDENTITY_PROVIDER,
                POOL_PROVIDER)).credentialsFor(IMAGE);

        assertThat(credentials).isEqualTo(RegistryCredentials.basic("oauth2accesstoken", "federated-token"));
        assertThat(tokens.requests()).containsExactly("apps/gar-reader //iam.googleapis.com/" + POOL_PROVIDER);
        String exchange = URLDecoder.decode(google.requestsTo("/v1/token").get(0).body(), StandardCharsets.UTF_8);
        assertThat(exchange).contains("grant_type=urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token=kubernetes-jwt", "subject_token_type=urn:ietf:params:oauth:token-type:jwt",
                "audience=//iam.googleapis.com/" + POOL_PROVIDER);
        assertThat(google.requests()).hasSize(1);
    }

    @Test
    void shouldImpersonateTheAnnotatedGoogleServiceAccountWithTheFederatedToken() {
        RegistryCredentials credentials = provider(Map.of(
                ServiceAccountIdentity.GCP_WORKLOAD_IDENTITY_PROVIDER, POOL_PROVIDER,
                ServiceAccountIdentity.GCP_SERVICE_ACCOUNT, EMAIL)).credentialsFor(IMAGE);

        assertThat(credentials).isEqualTo(RegistryCredentials.basic("oauth2accesstoken", "impersonated-token"));
        StubHttpServer.Request impersonation =
                google.requestsTo("/v1/projects/-/serviceAccounts/" + EMAIL + ":generateAccessToken").get(0);
        assertThat(impersonation.header("Authorization")).isEqualTo("Bearer federated-token");
        assertThat(impersonation.body()).contains("https://www.googleapis.com/auth/cloud-platform");
    }

    @Test
    void shouldShareOneTransportAmongAllAccounts() {
        GcpWorkloadIdentity identity = identity();

        for (int i = 0; i < 4; i++) {
            RegistryCredentials credentials = identity.providerFor(new ServiceAccountIdentity("apps", "reader-" + i,
                    Map.of(ServiceAccountIdentity.GCP_WORKLOAD_IDENTITY_PROVIDER, POOL_PROVIDER,
                            ServiceAccountIdentity.GCP_SERVICE_ACCOUNT, EMAIL)), tokens, Clock.systemUTC())
                    .credentialsFor(IMAGE);
            assertThat(credentials).isEqualTo(RegistryCredentials.basic("oauth2accesstoken", "impersonated-token"));
        }

        assertThat(transportsBuilt).hasValue(1);
        assertThat(google.requestsTo("/v1/token")).hasSize(4);
        assertThat(tokens.requests()).containsExactly("apps/reader-0 //iam.googleapis.com/" + POOL_PROVIDER,
                "apps/reader-1 //iam.googleapis.com/" + POOL_PROVIDER, "apps/reader-2 //iam.googleapis.com/"
                + POOL_PROVIDER, "apps/reader-3 //iam.googleapis.com/" + POOL_PROVIDER);
    }

    @Test
    void shouldRequireAValidPoolProviderAndServiceAccountEmail() {
        assertThatThrownBy(() -> provider(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("annotation gcp.auth.fluxcd.io/workload-identity-provider is required");
        assertThatThrownBy(() -> provider(Map.of(ServiceAccountIdentity.GCP_WORKLOAD_IDENTITY_PROVIDER, "fleet")))
                .hasMessageStartingWith("invalid gcp.auth.fluxcd.io/workload-identity-provider annotation on "
                        + "service account 'apps/gar-reader': 'fleet'. must match");
        assertThatThrownBy(() -> provider(Map.of(ServiceAccountIdentity.GCP_WORKLOAD_IDENTITY_PROVIDER,
                POOL_PROVIDER, ServiceAccountIdentity.GCP_SERVICE_ACCOUNT, "someone@example.com")))
                .hasMessageStartingWith("invalid iam.gke.io/gcp-service-account annotation");
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void shouldPassOnWhyTheKubernetesTokenCouldNotBeIssued() {
        CredentialProvider provider = provider(Map.of(ServiceAccountIdentity.GCP_WORKLOAD_IDENTITY_PROVIDER,
                POOL_PROVIDER));
        tokens.refusing("forbidden");

        assertThatThrownBy(() -> provider.credentialsFor(IMAGE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("failed to create kubernetes token for service account 'apps/gar-reader': forbidden");
        assertThat(google.requests()).isEmpty();
    }
}
