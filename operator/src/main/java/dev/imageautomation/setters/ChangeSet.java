package dev.imageautomation.setters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What one rewrite did: Flux's {@code update.Result} plus the reports Flux keeps to itself.
 *
 * <p>The commit-message template reads {@code .Changed.FileChanges} ({@link #fileChanges()}),
 * {@code .Changed.Objects} ({@link #objects()}) and {@code .Changed.Changes} ({@link #changes()}). Unlike
 * Go's maps, every order here is stable: files sorted by path (the order Go's {@code range} gives over
 * string keys), objects and changes in document order.
 *
 * @param files the files with at least one real change, sorted by path
 * @param unknownSetters markers naming a setter without a value, skipped
 * @param problemFiles candidate files that could not be parsed, left untouched
 * @param skippedFiles files not read at all (symlinks leading outside the root, dangling links)
 */
public record ChangeSet(
    List<FileChange> files,
    List<UnknownSetter> unknownSetters,
    List<FileReport> problemFiles,
    List<FileReport> skippedFiles) {

  public ChangeSet {
    files = List.copyOf(files);
    unknownSetters = List.copyOf(unknownSetters);
    problemFiles = List.copyOf(problemFiles);
    skippedFiles = List.copyOf(skippedFiles);
  }

  /** True when no file changed (reports may still be present). */
  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** {@code .Changed.FileChanges}: file → object → changes. */
  public Map<String, Map<ObjectIdentifier, List<Change>>> fileChanges() {
    Map<String, Map<ObjectIdentifier, List<Change>>> byFile = new LinkedHashMap<>();
    for (FileChange file : files) {
      byFile.put(file.file(), Collections.unmodifiableMap(merge(file.objects())));
    }
    return Collections.unmodifiableMap(byFile);
  }

  /**
   * {@code .Changed.Objects}: changes per object across all files; when an object appears in several
   * files its change lists are concatenated (as Flux does since 1.2.0).
   */
  public Map<ObjectIdentifier, List<Change>> objects() {
    return Collections.unmodifiableMap(
        merge(files.stream().flatMap(f -> f.objects().stream()).toList()));
  }

  /** {@code .Changed.Changes}: every change, de-duplicated by (old, new, setter), first occurrence first. */
  public List<Change> changes() {
    LinkedHashSet<Change> unique = new LinkedHashSet<>();
    files.forEach(f -> unique.addAll(f.changes()));
    return List.copyOf(unique);
  }

  private static Map<ObjectIdentifier, List<Change>> merge(List<ObjectChange> objects) {
    Map<ObjectIdentifier, List<Change>> merged = new LinkedHashMap<>();
    for (ObjectChange object : objects) {
      merged.computeIfAbsent(object.object(), k -> new ArrayList<>()).addAll(object.changes());
    }
    merged.replaceAll((k, v) -> List.copyOf(v));
    return merged;
  }
}
