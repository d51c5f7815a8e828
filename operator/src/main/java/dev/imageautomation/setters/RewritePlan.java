package dev.imageautomation.setters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a rewrite would do, computed before anything is written: the change set, the new contents,
 * and counters that show how much work the pre-filter saved. {@link #apply()} writes each changed file
 * once, atomically (a sibling temporary file renamed over it), keeping its permissions.
 *
 * @param changeSet what changed, and the reports
 * @param files the files to write, sorted by path
 * @param candidates candidate files seen ({@code *.yaml}, {@code *.yml}, {@code Kustomization})
 * @param parsed candidate files that passed the byte pre-filter and were parsed
 */
public record RewritePlan(ChangeSet changeSet, List<PlannedFile> files, int candidates, int parsed) {
  public RewritePlan {
    files = List.copyOf(files);
  }

  /** Writes the changed files and returns the change set. */
  public ChangeSet apply() throws IOException {
    Set<Path> written = new LinkedHashSet<>();
    for (PlannedFile file : files) {
      if (written.add(file.target())) {
        writeAtomically(file.target(), file.rewritten());
      }
    }
    return changeSet;
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      copyPermissions(target, temporary);
      move(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) {
      Files.setPosixFilePermissions(to, view.readAttributes().permissions());
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
