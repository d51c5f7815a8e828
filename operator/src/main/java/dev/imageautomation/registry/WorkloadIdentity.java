package dev.imageautomation.registry;

import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokens;
import java.time.Clock;

/**
 * One cloud's object-level workload identity: registry credentials obtained as a Kubernetes ServiceAccount, by
 * exchanging a token the API server issues for it at the cloud's token service.
 */
@FunctionalInterface
public interface WorkloadIdentity {

    /**
     * The provider for one account; its credentials are fetched when a registry asks and cached until they expire.
     *
     * @throws IllegalArgumentException when the account's annotations do not name a usable cloud identity
     */
    CredentialProvider providerFor(ServiceAccountIdentity account, ServiceAccountTokens tokens, Clock clock);
}
