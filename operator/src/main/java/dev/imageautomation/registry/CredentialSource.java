package dev.imageautomation.registry;

/**
 * Where the credentials for one image come from: a docker config secret, a cloud provider, or a fixed value.
 * The client asks only when the registry challenges, so a cloud token is never fetched for a public registry.
 */
@FunctionalInterface
public interface CredentialSource {

    /** Anonymous access. */
    CredentialSource ANONYMOUS = image -> RegistryCredentials.ANONYMOUS;

    /**
     * @throws RegistryException when the credentials cannot be obtained (cloud API error, unsupported host)
     */
    RegistryCredentials credentialsFor(ImageReference image);

    static CredentialSource fixed(RegistryCredentials credentials) {
        return image -> credentials;
    }
}
