package org.tidemark.core.feature;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The schema of a layer: its attributes, its geometry and (optionally) the attribute that carries time.
 *
 * <p>Inside Tidemark every geometry is stored and handled in longitude/latitude order on CGCS2000
 * (EPSG:4490, numerically identical to WGS 84 at the centimetre level); projected and
 * latitude-first CRSs exist only at protocol edges. {@code storageSrid} records that storage CRS.
 *
 * @param name          the layer/type name, an XML NCName usable as WFS type name and URL segment
 * @param title         human title
 * @param description   abstract
 * @param attributes    the non-spatial attributes, in publication order
 * @param geometryName  the name of the geometry attribute (e.g. {@code geom})
 * @param geometryKind  the declared geometry type
 * @param storageSrid   the EPSG code of the storage CRS (4490 unless a store says otherwise)
 * @param timeAttribute the attribute holding the feature's time, or null when the layer has no time
 */
public record FeatureType(String name, LocalizedText title, LocalizedText description,
                          List<Attribute> attributes, String geometryName, GeometryKind geometryKind,
                          int storageSrid, String timeAttribute) {

    public FeatureType {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("feature type name must be an NCName: " + name);
        }
        attributes = List.copyOf(attributes);
        if (title == null) title = LocalizedText.of(name, name);
        if (description == null) description = LocalizedText.of("", "");
        if (geometryName == null) geometryName = "geom";
        if (geometryKind == null) geometryKind = GeometryKind.GEOMETRY;
        if (storageSrid == 0) storageSrid = 4490;
        // (fields are assigned after a compact constructor body, so check the parameter, not attribute())
        final String time = timeAttribute;
        if (time != null && attributes.stream().noneMatch(a -> a.name().equals(time))) {
            throw new IllegalArgumentException("time attribute " + timeAttribute + " is not an attribute of " + name);
        }
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /** Whether {@code propertyName} names an attribute or the geometry. */
    public boolean hasProperty(String propertyName) {
        return geometryName.equals(propertyName) || attribute(propertyName).isPresent();
    }

    public List<String> attributeNames() {
        return attributes.stream().map(Attribute::name).toList();
    }

    public boolean hasTime() { return timeAttribute != null; }
}
