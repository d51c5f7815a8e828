package dev.imageautomation.registry;

import java.util.List;
import java.util.Optional;

/** The last scanned tags of each ImageRepository, in store order ({@link TagOrder#STORE_ORDER}). */
public interface TagStore {

    /** Replaces the whole tag set; readers see either the old or the new set, never a mix. */
    void put(TagStoreKey key, List<String> tags);

    /** The stored tags, or empty when the repository was never scanned (or its data was lost). */
    Optional<List<String>> get(TagStoreKey key);

    /** Forgets the repository (ImageRepository deleted); a no-op when nothing is stored. */
    void delete(TagStoreKey key);
}
