package dev.imageautomation.setters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites every marked value under an update path: (directory, setter values) → change set, writing
 * only files with a real change.
 *
 * <p>Which files (Flux §3.3, with our safety rules): the update path must stay inside the checkout; the
 * walk is recursive, skips {@code .git/}, does not enter symlinked directories, and follows a symlinked
 * file only to a target inside the checkout. Candidates are files named {@code *.yaml}, {@code *.yml}
 * (case-sensitive) or {@code Kustomization}. A candidate is parsed only when its raw bytes contain
 * {@code "$imagepolicy"} or the legacy {@code io.k8s.cli.setters.} prefix, so a large repository costs
 * little more than reading its files. A candidate that is not UTF-8 or does not parse is reported and
 * left untouched; the run goes on.
 */
public final class TreeRewriter {
  private static final byte[] SHORTHAND_TOKEN =
      ("\"" + SetterMarker.SHORTHAND_KEY + "\"").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LEGACY_TOKEN = "io.k8s.cli.setters.".getBytes(StandardCharsets.US_ASCII);

  private TreeRewriter() {}

  /**
   * Rewrites the marked values under {@code root/updatePath} in place.
   *
   * @param root the checkout root; nothing outside it is read or written
   * @param updatePath relative to {@code root}; {@code .} or empty for the whole checkout
   * @throws InvalidUpdatePathException when the update path is absolute, missing or leads outside
   */
  public static ChangeSet rewrite(Path root, Path updatePath, SetterValues values) throws IOException {
    return plan(root, updatePath, values).apply();
  }

  /** Works out the rewrite without writing anything (for a dry run or a diff). */
  public static RewritePlan plan(Path root, Path updatePath, SetterValues values) throws IOException {
    UpdatePaths paths = UpdatePaths.under(root);
    Path directory = paths.updateDirectory(updatePath);
    Walk walk = new Walk(directory, paths, new YamlSetterRewriter(values));
    Files.walkFileTree(directory, walk);
    return walk.plan();
  }

  /** True for the file names Flux reads: {@code *.yaml}, {@code *.yml}, {@code Kustomization}. */
  static boolean isCandidate(String fileName) {
    return fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.equals("Kustomization");
  }

  /** True when the raw bytes may hold a marker; files failing this are never parsed. */
  static boolean mayHoldMarker(byte[] content) {
    return contains(content, SHORTHAND_TOKEN) || contains(content, LEGACY_TOKEN);
  }

  private static boolean contains(byte[] content, byte[] token) {
    byte first = token[0];
    int last = content.length - token.length;
    for (int i = 0; i <= last; i++) {
      if (content[i] == first && matchesAt(content, i, token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(byte[] content, int offset, byte[] token) {
    for (int j = 1; j < token.length; j++) {
      if (content[offset + j] != token[j]) {
        return false;
      }
    }
    return true;
  }

  private static final class Walk extends SimpleFileVisitor<Path> {
    private final Path directory;
    private final UpdatePaths paths;
    private final YamlSetterRewriter rewriter;
    private final List<PlannedFile> planned = new ArrayList<>();
    private final List<FileChange> changes = new ArrayList<>();
    private final List<UnknownSetter> unknown = new ArrayList<>();
    private final List<FileReport> problems = new ArrayList<>();
    private final List<FileReport> skipped = new ArrayList<>();
    private int candidates;
    private int parsed;

    Walk(Path directory, UpdatePaths paths, YamlSetterRewriter rewriter) {
      this.directory = directory;
      this.paths = paths;
      this.rewriter = rewriter;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      boolean gitDirectory = !dir.equals(directory) && dir.getFileName().toString().equals(".git");
      return gitDirectory ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (!isCandidate(file.getFileName().toString())) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isSymbolicLink()) {
        Optional<Path> target = paths.insideTarget(file);
        if (target.isEmpty()) {
          skipped.add(new FileReport(relative(file), Files.exists(file)
              ? "symlink leads outside the repository; not followed"
              : "dangling symlink; skipped"));
        } else if (Files.isRegularFile(target.get())) {
          read(file, target.get());
        }
      } else if (attrs.isRegularFile()) {
        read(file, file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      skipped.add(new FileReport(relative(file), "could not be read: " + e.getClass().getSimpleName()));
      return FileVisitResult.CONTINUE;
    }

    /** Reads {@code file} (a symlink's target, or {@code path} itself) found at {@code path}. */
    private void read(Path path, Path file) {
      candidates++;
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (IOException e) {
        skipped.add(new FileReport(relative(path), "could not be read: " + e.getClass().getSimpleName()));
        return;
      }
      if (!mayHoldMarker(content)) {
        return;
      }
      parsed++;
      String name = relative(path);
      try {
        YamlSetterRewriter.Rewrite rewrite = rewriter.rewrite(decode(content));
        rewrite.unknownMarkers().forEach(u -> unknown.add(new UnknownSetter(name, u.line(), u.setter())));
        if (rewrite.changed()) {
          changes.add(new FileChange(name, rewrite.objects()));
          planned.add(new PlannedFile(name, file, content,
              rewrite.text().getBytes(StandardCharsets.UTF_8)));
        }
      } catch (YamlRewriteException e) {
        problems.add(new FileReport(name, e.getMessage()));
      }
    }

    private static String decode(byte[] content) throws YamlRewriteException {
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(content))
            .toString();
      } catch (CharacterCodingException e) {
        throw new YamlRewriteException("not valid UTF-8", e);
      }
    }

    private String relative(Path file) {
      return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    RewritePlan plan() {
      changes.sort(Comparator.comparing(FileChange::file));
      planned.sort(Comparator.comparing(PlannedFile::file));
      unknown.sort(Comparator.comparing(UnknownSetter::file).thenComparingInt(UnknownSetter::line));
      problems.sort(Comparator.comparing(FileReport::file));
      skipped.sort(Comparator.comparing(FileReport::file));
      return new RewritePlan(new ChangeSet(changes, unknown, problems, skipped), planned, candidates,
          parsed);
    }
  }
}
