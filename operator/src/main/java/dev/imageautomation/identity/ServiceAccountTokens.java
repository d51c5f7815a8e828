package dev.imageautomation.identity;

/**
 * The one Kubernetes call the cloud credential code needs: a token for a ServiceAccount with a given audience (the
 * TokenRequest API), which the cloud's token service accepts as proof of the account's identity. Implemented by
 * the reconciler over the API server, so the packages that use it stay Kubernetes-free.
 */
@FunctionalInterface
public interface ServiceAccountTokens {

    /** For a controller that cannot issue tokens (no API server, as in the {@code run} command). */
    ServiceAccountTokens NONE = (account, audience) -> {
        throw new ServiceAccountTokenException("cannot create a kubernetes token for service account '"
                + account.reference() + "': no API server to issue it", null);
    };

    /**
     * @return a fresh token (a JWT) for {@code account} whose {@code aud} is {@code audience}
     * @throws ServiceAccountTokenException when the API server refuses; the message names the account, never a token
     */
    String issue(ServiceAccountIdentity account, String audience);
}
