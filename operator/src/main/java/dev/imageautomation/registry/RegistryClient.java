package dev.imageautomation.registry;

import java.util.List;

/** The read side of the OCI distribution API that image automation needs. */
public interface RegistryClient {

    /**
     * All tags of the repository, every page, in the registry's order; never a partial list.
     *
     * @throws RegistryException on any failure, with a message fit for a condition
     */
    List<String> listTags(ImageReference image, CredentialSource credentials);

    /**
     * The digest ({@code sha256:…}) the registry serves for {@code image:tag}; for a multi-arch image the
     * digest of the index / manifest list, as {@code docker pull} would resolve it.
     *
     * @throws RegistryException on any failure, including an unknown tag
     */
    String fetchDigest(ImageReference image, String tag, CredentialSource credentials);
}
