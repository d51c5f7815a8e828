package dev.imageautomation.registry;

import dev.imageautomation.identity.ServiceAccountTokenException;
import dev.imageautomation.identity.ServiceAccountTokens;

/**
 * The ServiceAccount token port as the registry code expects its failures: a {@link RegistryException} with the
 * port's own words, so a scan reports why the account had no token rather than how the cloud SDK wrapped it.
 */
final class RegistryTokens {

    private RegistryTokens() {
    }

    static ServiceAccountTokens reporting(ServiceAccountTokens tokens) {
        return (account, audience) -> {
            try {
                return tokens.issue(account, audience);
            } catch (ServiceAccountTokenException e) {
                throw new RegistryException(e.getMessage(), e);
            }
        };
    }
}
