package dev.imageautomation.setters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File-tree helpers for the golden and property tests: copy a tree, read one as bytes, values files. */
final class GoldenTrees {
  static final Path BASE = Path.of("src/test/resources/testdata/setters");

  private GoldenTrees() {}

  /** Copies a tree file by file, symlinks as symlinks. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isSymbolicLink(source)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(source));
        } else if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  /** Every regular file of a tree by relative path, as UTF-8 text with bytes kept exactly (ISO-8859-1). */
  static TreeMap<String, String> snapshot(Path root) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path file : paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        files.put(root.relativize(file).toString(), new String(Files.readAllBytes(file),
            java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  /** Setter values from a file of {@code NS/NAME=IMAGE:TAG[@DIGEST]} lines ({@code #} comments). */
  static SetterValues values(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      SetterValues.Builder values = SetterValues.builder();
      lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(values::policy);
      return values.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
