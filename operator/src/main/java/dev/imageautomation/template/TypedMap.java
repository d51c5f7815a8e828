package dev.imageautomation.template;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A map that knows its Go element type, for the two places where Go's static types are observable:
 * {@code index} of a missing key yields the element's zero value ({@code ""} for {@code map[string]string}),
 * and Sprig's dict functions reject maps that are not {@code map[string]interface {}}. Plain Java maps are
 * treated as {@code map[string]interface {}}.
 */
public final class TypedMap<V> extends AbstractMap<String, V> {
    private final Map<String, V> delegate;
    private final String goTypeName;
    private final Object zeroValue;

    private TypedMap(Map<String, V> delegate, String goTypeName, Object zeroValue) {
        this.delegate = delegate;
        this.goTypeName = goTypeName;
        this.zeroValue = zeroValue;
    }

    /** A Go {@code map[string]string} view of {@code values} (which may be empty). */
    public static TypedMap<String> ofStrings(Map<String, String> values) {
        return new TypedMap<>(Map.copyOf(values), "map[string]string", "");
    }

    String goTypeName() {
        return goTypeName;
    }

    Object zeroValue() {
        return zeroValue;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return delegate.entrySet();
    }

    @Override
    public V get(Object key) {
        return delegate.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }
}
