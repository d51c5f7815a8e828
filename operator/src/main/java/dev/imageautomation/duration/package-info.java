/**
 * Go's duration syntax ({@code 1m30s}, {@code 1.5h}, {@code 500ms}), read and printed by
 * {@link dev.imageautomation.duration.GoDuration}. One leaf package, JDK only, because two layers need the same
 * syntax and may not import each other: {@code api.v1} (the {@code interval}/{@code timeout} fields) and
 * {@code config} (the duration flags). Hand-written because no Java library reads this syntax.
 */
package dev.imageautomation.duration;
