package dev.imageautomation.registry;

/** One cloud's token exchange, called by {@link CachingCredentialProvider} when its cached token runs out. */
@FunctionalInterface
public interface CredentialFetcher {

    /**
     * @throws RegistryException when the cloud refuses or cannot be reached; the message names the call, never
     *     a token
     */
    ExpiringCredentials fetch(ImageReference image);

    /** Releases what this fetcher holds for its identity alone; resources shared with other identities stay open. */
    default void close() {
    }
}
