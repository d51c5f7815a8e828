package dev.imageautomation.setters;

/**
 * A marker naming a setter that has no value (an unknown policy, a policy of another namespace, or an
 * unknown field suffix). Flux skips these silently; we skip them too, but say so.
 *
 * @param file path relative to the update path
 * @param line 1-based line of the marked value
 * @param setter the setter name as written in the marker
 */
public record UnknownSetter(String file, int line, String setter) {}
