package org.tidemark.core.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature: a stable id, a geometry in longitude/latitude order, and attribute values.
 * Values use the Java types of {@link AttributeType}; missing values are absent or null.
 *
 * @param id         the stable feature id (unique within its type; published as {@code gml:id} / GeoJSON id)
 * @param geometry   the geometry, x = longitude, y = latitude; may be null
 * @param properties attribute values in schema order (an unmodifiable copy; a map that is already an
 *                   unmodifiable view is taken as it is, so pass such a view only over a map nobody changes)
 */
public record Feature(String id, Geometry geometry, Map<String, Object> properties) {
    /** The class of {@link Collections#unmodifiableMap} views: features share them instead of copying. */
    private static final Class<?> FROZEN = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    public Feature {
        Objects.requireNonNull(id, "id");
        // streams of features (a GetFeature page, a tile) make millions of these: copy only what may still change
        if (properties.getClass() != FROZEN) properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A feature that takes {@code properties} over without copying: the caller must not keep or change the map. */
    public static Feature owning(String id, Geometry geometry, LinkedHashMap<String, Object> properties) {
        return new Feature(id, geometry, Collections.unmodifiableMap(properties));
    }

    public Object get(String name) { return properties.get(name); }

    /** A copy with only the named properties (geometry kept); this feature when it has no others. */
    public Feature withOnly(java.util.Collection<String> names) {
        if (names.containsAll(properties.keySet())) return this;
        LinkedHashMap<String, Object> kept = new LinkedHashMap<>();
        properties.forEach((k, v) -> { if (names.contains(k)) kept.put(k, v); });
        return owning(id, geometry, kept);
    }

    public Feature withGeometry(Geometry g) { return new Feature(id, g, properties); }
}
