package dev.imageautomation.identity;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientAssertionCredentialBuilder;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Azure workload identity for a ServiceAccount: a Kubernetes token for audience {@code api://AzureADTokenExchange}
 * is the client assertion of Entra ID application {@code azure.workload.identity/client-id} in tenant
 * {@code azure.workload.identity/tenant-id} (else the controller's {@code AZURE_TENANT_ID}), through Azure
 * Identity's {@code ClientAssertionCredential}. Callers ask the credential for their own scope: ACR's management
 * scope for registries, Azure DevOps' for git. Every account's credential sends through one azure-core HTTP client:
 * left to itself, Azure Identity has azure-core build a new one per credential (azure-core-http-netty shares one
 * only when {@code AZURE_ENABLE_HTTP_CLIENT_SHARING} is set), so hundreds of accounts would mean hundreds.
 */
public final class EntraIdWorkloadIdentity {

    /** The audience Entra ID's federated credentials expect of a Kubernetes token. */
    public static final String AUDIENCE = "api://AzureADTokenExchange";

    private final Optional<String> controllerTenant;
    private final UnaryOperator<ClientAssertionCredentialBuilder> endpoints;
    private final Supplier<HttpClient> http;
    private HttpClient sharedHttp;

    /**
     * @param controllerTenant the tenant when the account names none (the controller's {@code AZURE_TENANT_ID})
     * @param endpoints sets where Entra ID is (authority host, HTTP client); the identity for the public cloud
     */
    public EntraIdWorkloadIdentity(Optional<String> controllerTenant,
            UnaryOperator<ClientAssertionCredentialBuilder> endpoints) {
        this(controllerTenant, HttpClient::createDefault, endpoints);
    }

    /**
     * @param http builds the HTTP client all credentials share; asked once, when the first credential is built
     * @param endpoints applied after the shared client is set, so it may still replace it
     */
    public EntraIdWorkloadIdentity(Optional<String> controllerTenant, Supplier<HttpClient> http,
            UnaryOperator<ClientAssertionCredentialBuilder> endpoints) {
        this.controllerTenant = controllerTenant.filter(tenant -> !tenant.isEmpty());
        this.http = http;
        this.endpoints = endpoints;
    }

    /** Entra ID where it really is; the tenant fallback from the controller's environment. */
    public static EntraIdWorkloadIdentity standard() {
        return new EntraIdWorkloadIdentity(Optional.ofNullable(System.getenv("AZURE_TENANT_ID")),
                UnaryOperator.identity());
    }

    /**
     * The application the account stands for.
     *
     * @throws IllegalArgumentException when the account names no client ID, or no tenant is known (Flux's words)
     */
    public Application applicationOf(ServiceAccountIdentity account) {
        String clientId = account.annotation(ServiceAccountIdentity.AZURE_CLIENT_ID);
        if (clientId.isEmpty()) {
            throw missing(account, "azure client ID is not set in the service account annotation "
                    + ServiceAccountIdentity.AZURE_CLIENT_ID);
        }
        String tenant = Optional.of(account.annotation(ServiceAccountIdentity.AZURE_TENANT_ID))
                .filter(t -> !t.isEmpty()).or(() -> controllerTenant)
                .orElseThrow(() -> missing(account, "azure tenant ID is not set in the service account annotation "
                        + ServiceAccountIdentity.AZURE_TENANT_ID + " nor in the controller's AZURE_TENANT_ID"));
        return new Application(account, clientId, tenant);
    }

    /**
     * A credential that asks the API server for a fresh account token each time Entra ID needs an assertion.
     *
     * @param route this use's own settings (a proxy), applied before the endpoints; with a proxy, Azure Identity
     *     leaves the shared client aside and connects through the proxy itself
     */
    public TokenCredential credential(Application application, ServiceAccountTokens tokens,
            UnaryOperator<ClientAssertionCredentialBuilder> route) {
        ServiceAccountIdentity account = application.account();
        return endpoints.apply(route.apply(new ClientAssertionCredentialBuilder().httpClient(sharedHttp())
                .tenantId(application.tenantId()).clientId(application.clientId())
                .clientAssertion(() -> tokens.issue(account, AUDIENCE)))).build();
    }

    private synchronized HttpClient sharedHttp() {
        if (sharedHttp == null) {
            sharedHttp = http.get();
        }
        return sharedHttp;
    }

    private static IllegalArgumentException missing(ServiceAccountIdentity account, String what) {
        return new IllegalArgumentException("failed to get provider identity from service account '"
                + account.reference() + "' annotations: " + what);
    }

    /** An Entra ID application (client) in its tenant, and the ServiceAccount federated with it. */
    public record Application(ServiceAccountIdentity account, String clientId, String tenantId) {

        public Application {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }
}
