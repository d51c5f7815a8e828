package dev.imageautomation.registry;

import java.util.List;
import java.util.Objects;

/**
 * One scan of one ImageRepository, in plain values.
 *
 * @param key where the tags are stored (the ImageRepository's namespace/name)
 * @param image the parsed {@code spec.image}
 * @param credentials where credentials come from when the registry asks (pull secrets or a cloud provider)
 * @param connection timeout, insecure, TLS and proxy
 * @param exclusionList {@code spec.exclusionList}; {@code null} or empty means the default
 */
public record ScanRequest(TagStoreKey key, ImageReference image, CredentialSource credentials,
        ConnectionSettings connection, List<String> exclusionList) {

    public ScanRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(connection, "connection");
        credentials = credentials == null ? CredentialSource.ANONYMOUS : credentials;
        exclusionList = ExclusionList.effective(exclusionList);
    }
}
