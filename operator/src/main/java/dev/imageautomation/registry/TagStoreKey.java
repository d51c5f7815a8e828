package dev.imageautomation.registry;

import java.util.regex.Pattern;

/**
 * Whose tags: one ImageRepository, by namespace and name (not by image, so two repositories with the same image
 * but different exclusion lists or credentials never overwrite each other, unlike Flux's Badger store).
 */
public record TagStoreKey(String namespace, String name) {

    /** Kubernetes names are DNS labels/subdomains; anything else could escape the storage directory. */
    private static final Pattern SAFE = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    public TagStoreKey {
        if (!SAFE.matcher(namespace).matches() || !SAFE.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("not a valid namespace/name: " + namespace + "/" + name);
        }
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
