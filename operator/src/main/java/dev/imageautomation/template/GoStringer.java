package dev.imageautomation.template;

/**
 * Go's {@code fmt.Stringer}: a value that prints as {@link #goString()} wherever Go's {@code fmt} would call
 * {@code String()} ({@code {{ . }}}, {@code print}, {@code %v}, {@code %s}, Sprig's {@code toString}).
 * Records that do not implement it print like Go structs: {@code {field1 field2}}.
 */
public interface GoStringer {
    String goString();
}
