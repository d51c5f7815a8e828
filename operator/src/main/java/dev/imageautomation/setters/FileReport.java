package dev.imageautomation.setters;

/**
 * A file the rewriter did not touch, and why: a file that does not parse, a symlink leading outside the
 * root, a file that is not UTF-8.
 *
 * @param file path relative to the update path
 * @param reason a sentence for the person reading the report
 */
public record FileReport(String file, String reason) {}
