package dev.imageautomation.registry;

import com.azure.identity.ClientAssertionCredentialBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code provider: azure} as a ServiceAccount (object-level workload identity): a Kubernetes token for audience
 * {@code api://AzureADTokenExchange} is the client assertion of Entra ID application
 * {@code azure.workload.identity/client-id} in tenant {@code azure.workload.identity/tenant-id} (else the
 * controller's {@code AZURE_TENANT_ID}), through Azure Identity's {@code ClientAssertionCredential}; the Entra ID
 * token is then exchanged for an ACR refresh token as for the controller's own identity.
 */
public final class AzureWorkloadIdentity implements WorkloadIdentity {

    static final String AUDIENCE = "api://AzureADTokenExchange";

    private final Optional<String> controllerTenant;
    private final UnaryOperator<ClientAssertionCredentialBuilder> endpoints;
    private final Function<String, URI> exchangeEndpoint;
    private final Supplier<HttpClient> http;

    /**
     * @param controllerTenant the tenant when the account names none (the controller's {@code AZURE_TENANT_ID})
     * @param endpoints sets where Entra ID is (authority host, HTTP client); the identity for the public cloud
     * @param exchangeEndpoint registry → its ACR token exchange URL
     * @param http the client that calls the exchange endpoint (asked for when an account first needs it)
     */
    public AzureWorkloadIdentity(Optional<String> controllerTenant, UnaryOperator<ClientAssertionCredentialBuilder>
            endpoints, Function<String, URI> exchangeEndpoint, Supplier<HttpClient> http) {
        this.controllerTenant = controllerTenant.filter(tenant -> !tenant.isEmpty());
        this.endpoints = endpoints;
        this.exchangeEndpoint = exchangeEndpoint;
        this.http = http;
    }

    /** Entra ID and ACR where they really are; the tenant fallback from the controller's environment. */
    public static AzureWorkloadIdentity standard() {
        return new AzureWorkloadIdentity(Optional.ofNullable(System.getenv("AZURE_TENANT_ID")),
                UnaryOperator.identity(), AzureAcrCredentials::standardExchangeEndpoint, () -> SharedClient.HTTP);
    }

    @Override
    public CredentialProvider providerFor(ServiceAccountIdentity account, ServiceAccountTokens tokens, Clock clock) {
        String clientId = account.annotation(ServiceAccountIdentity.AZURE_CLIENT_ID);
        if (clientId.isEmpty()) {
            throw missing(account, "azure client ID is not set in the service account annotation "
                    + ServiceAccountIdentity.AZURE_CLIENT_ID);
        }
        String tenant = Optional.of(account.annotation(ServiceAccountIdentity.AZURE_TENANT_ID))
                .filter(t -> !t.isEmpty()).or(() -> controllerTenant)
                .orElseThrow(() -> missing(account, "azure tenant ID is not set in the service account annotation "
                        + ServiceAccountIdentity.AZURE_TENANT_ID + " nor in the controller's AZURE_TENANT_ID"));
        var credential = endpoints.apply(new ClientAssertionCredentialBuilder().tenantId(tenant).clientId(clientId)
                .clientAssertion(() -> tokens.issue(account, AUDIENCE))).build();
        return AzureAcrCredentials.provider(new AzureAcrCredentials(credential, exchangeEndpoint, http.get()), clock);
    }

    /** Created on first use: a controller without Azure accounts never starts its threads. */
    private static final class SharedClient {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    }

    private static IllegalArgumentException missing(ServiceAccountIdentity account, String what) {
        return new IllegalArgumentException("failed to get provider identity from service account '"
                + account.reference() + "' annotations: " + what);
    }
}
