package dev.imageautomation.setters;

import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * A scalar value carrying a setter marker, located in the source text.
 *
 * @param marker the marker read from the scalar's comment
 * @param value the scalar's loaded value
 * @param style its quoting style
 * @param start {@code char} index of its first character (after any anchor or tag)
 * @param end {@code char} index just after its last character (for block scalars, after the content)
 * @param line 1-based line of {@code start}
 * @param object the object the scalar belongs to
 */
record MarkedScalar(
    SetterMarker marker,
    String value,
    ScalarStyle style,
    int start,
    int end,
    int line,
    ObjectIdentifier object) {}
