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
 * @param properties attribute values in schema order (an unmodifiable copy)
 */
public record Feature(String id, Geometry geometry, Map<String, Object> properties) {
    public Feature {
        Objects.requireNonNull(id, "id");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public Object get(String name) { return properties.get(name); }

    /** A copy with only the named properties (geometry kept). */
    public Feature withOnly(java.util.Collection<String> names) {
        Map<String, Object> kept = new LinkedHashMap<>();
        properties.forEach((k, v) -> { if (names.contains(k)) kept.put(k, v); });
        return new Feature(id, geometry, kept);
    }

    public Feature withGeometry(Geometry g) { return new Feature(id, g, properties); }
}
