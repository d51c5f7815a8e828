package dev.imageautomation.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TagStore} in a map: for tests and the {@code run} command, where nothing must survive the process. */
public final class InMemoryTagStore implements TagStore {

    private final Map<TagStoreKey, List<String>> tags = new ConcurrentHashMap<>();

    @Override
    public void put(TagStoreKey key, List<String> values) {
        tags.put(key, List.copyOf(values));
    }

    @Override
    public Optional<List<String>> get(TagStoreKey key) {
        return Optional.ofNullable(tags.get(key));
    }

    @Override
    public void delete(TagStoreKey key) {
        tags.remove(key);
    }
}
