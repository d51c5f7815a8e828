package dev.imageautomation.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code .Changed} (Flux's {@code update.Result}): {@code .FileChanges} maps a file path (relative to the
 * update path) to the objects changed in it and their changes; {@code .Objects} merges objects across files;
 * {@code .Changes} lists every distinct change.
 *
 * <p>Order: Go's {@code range} visits map keys sorted (paths lexically; objects by apiVersion, kind, name,
 * namespace), and so does this implementation. {@code .Changes} is built from Go map iteration and so is
 * random in Flux; here it is stable: files in path order, objects and changes in document order.
 */
@GoType("update.Result")
public record ChangeResult(Map<String, Map<ObjectIdentifier, List<ValueChange>>> fileChanges) {

    public ChangeResult {
        Map<String, Map<ObjectIdentifier, List<ValueChange>>> copy = new LinkedHashMap<>();
        fileChanges.forEach((file, objects) -> {
            Map<ObjectIdentifier, List<ValueChange>> objectsCopy = new LinkedHashMap<>();
            objects.forEach((object, changes) -> objectsCopy.put(object, List.copyOf(changes)));
            copy.put(file, java.util.Collections.unmodifiableMap(objectsCopy));
        });
        fileChanges = java.util.Collections.unmodifiableMap(copy);
    }

    /** Go's {@code Result.Objects()}: change lists of an object found in several files are concatenated. */
    public Map<ObjectIdentifier, List<ValueChange>> objects() {
        Map<ObjectIdentifier, List<ValueChange>> merged = new LinkedHashMap<>();
        for (String file : sortedFiles()) {
            fileChanges.get(file).forEach((object, changes) ->
                    merged.computeIfAbsent(object, o -> new ArrayList<>()).addAll(changes));
        }
        return merged;
    }

    /** Go's {@code Result.Changes()}: every change once, de-duplicated by (old, new, setter). */
    public List<ValueChange> changes() {
        Set<ValueChange> seen = new LinkedHashSet<>();
        for (String file : sortedFiles()) {
            fileChanges.get(file).values().forEach(seen::addAll);
        }
        return List.copyOf(seen);
    }

    private List<String> sortedFiles() {
        List<String> files = new ArrayList<>(fileChanges.keySet());
        files.sort(GoOrdering::compareStrings);
        return files;
    }
}
