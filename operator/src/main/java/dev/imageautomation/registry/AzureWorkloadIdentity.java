package dev.imageautomation.registry;

import com.azure.identity.ClientAssertionCredentialBuilder;
import dev.imageautomation.identity.EntraIdWorkloadIdentity;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code provider: azure} as a ServiceAccount (object-level workload identity): the account's Entra ID credential
 * ({@link EntraIdWorkloadIdentity}: its Kubernetes token as the client assertion of its annotated application)
 * gives the management-scope token, which is then exchanged for an ACR refresh token as for the controller's own
 * identity.
 */
public final class AzureWorkloadIdentity implements WorkloadIdentity {

    private final EntraIdWorkloadIdentity entraId;
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
        this(new EntraIdWorkloadIdentity(controllerTenant, endpoints), exchangeEndpoint, http);
    }

    /** @param entraId how an account becomes an Entra ID credential, e.g. with its own shared HTTP client */
    public AzureWorkloadIdentity(EntraIdWorkloadIdentity entraId, Function<String, URI> exchangeEndpoint,
            Supplier<HttpClient> http) {
        this.entraId = entraId;
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
        var credential = entraId.credential(entraId.applicationOf(account), RegistryTokens.reporting(tokens),
                UnaryOperator.identity());
        return AzureAcrCredentials.provider(new AzureAcrCredentials(credential, exchangeEndpoint, http.get()), clock);
    }

    /** Created on first use: a controller without Azure accounts never starts its threads. */
    private static final class SharedClient {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    }
}
