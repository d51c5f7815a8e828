package dev.imageautomation.setters;

import java.nio.file.Path;

/**
 * A file the rewrite would change.
 *
 * @param file path relative to the update path, with {@code /} separators
 * @param target the real file to write (a symlink's target)
 * @param original its bytes as read
 * @param rewritten its new bytes
 */
public record PlannedFile(String file, Path target, byte[] original, byte[] rewritten) {}
