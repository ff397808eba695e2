package org.tidemark.data.jdbc;

import java.util.regex.Pattern;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.FeatureType;

/**
 * The rules for names that end up as SQL identifiers. A name is checked once, when a feature type is
 * created, and is always double-quoted (SQL:2016 delimited identifier) when used, so that neither
 * reserved words nor case folding can change which column a statement touches.
 */
final class Identifiers {
    /** Table names: the type name (an NCName subset without ':'), at most 48 characters so suffixes fit in 63. */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,47}");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    static final String ID_COLUMN = "fid";

    private Identifiers() {}

    static String quote(String identifier) {
        if (identifier.indexOf('"') >= 0 || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid identifier");
        }
        return '"' + identifier + '"';
    }

    /** Checks that a feature type can be stored: table and column names, no clash with the id column. */
    static void validate(FeatureType type) {
        if (!TABLE.matcher(type.name()).matches() || type.name().toLowerCase(java.util.Locale.ROOT).startsWith("tm_")) {
            throw new IllegalArgumentException("type name must match " + TABLE.pattern()
                    + " and not start with tm_: " + type.name());
        }
        checkColumn(type.geometryName());
        var seen = new java.util.HashSet<String>();
        seen.add(type.geometryName().toLowerCase(java.util.Locale.ROOT));
        for (Attribute a : type.attributes()) {
            checkColumn(a.name());
            if (!seen.add(a.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate attribute (names are case-insensitive): " + a.name());
            }
        }
    }

    private static void checkColumn(String name) {
        if (!COLUMN.matcher(name).matches()) {
            throw new IllegalArgumentException("attribute name must match " + COLUMN.pattern() + ": " + name);
        }
        if (name.equalsIgnoreCase(ID_COLUMN)) {
            throw new IllegalArgumentException("attribute name " + name + " is reserved for the feature id");
        }
    }

    static String table(FeatureType type) { return quote(type.name()); }

    static String sequence(String typeName) { return quote(typeName + "_fid_seq"); }

    static String spatialIndex(String typeName) { return quote(typeName + "_geom_idx"); }
}
