package org.tidemark.core.feature;

import java.util.List;

/**
 * The standard object properties every GML 3.2 object has (ISO 19136 §7.2.4.1, {@code gml:AbstractGMLType}):
 * {@code gml:description}, {@code gml:identifier} (with its required {@code codeSpace}) and {@code gml:name}. A WFS
 * 2.0 Insert, Update or Replace may set them on any feature (OGC 09-025r2 §15.2.5.2.1), so a writable store keeps
 * them next to the feature type's own attributes.
 *
 * <p>They travel in {@link Feature#properties()} under these reserved keys, which no attribute can have (attribute
 * names are plain identifiers without a colon). A store returns a key only when the feature has a value for it, so
 * outputs that list every property (GeoJSON, vector tiles, GetFeatureInfo) stay unchanged for features that never
 * had one; GML writes them back in the order the GML schema requires.
 */
public final class StandardProperties {
    /** {@code gml:description}: free text. */
    public static final String DESCRIPTION = "gml:description";
    /** {@code gml:identifier}: the value of the identifier assigned by the maintaining authority. */
    public static final String IDENTIFIER = "gml:identifier";
    /** The {@code codeSpace} (authority URI) of {@code gml:identifier}. */
    public static final String IDENTIFIER_CODESPACE = "gml:identifier@codeSpace";
    /** {@code gml:name}: the (first) name of the feature. */
    public static final String NAME = "gml:name";

    /** Every reserved key, in the order of the GML schema (description, identifier, name). */
    public static final List<String> ALL = List.of(DESCRIPTION, IDENTIFIER, IDENTIFIER_CODESPACE, NAME);

    private StandardProperties() {}

    /** Whether {@code key} is one of the reserved standard-property keys. */
    public static boolean isStandard(String key) {
        return ALL.contains(key);
    }
}
