package org.tidemark.core.feature;

import java.util.Objects;

/**
 * One non-spatial attribute of a feature type.
 *
 * @param name        the attribute name as stored and published (e.g. the SL 323 name {@code STCD})
 * @param type        its value type
 * @param title       what the attribute means, for catalogs, queryables and feature-info tables
 * @param nullable    whether a feature may lack a value
 */
public record Attribute(String name, AttributeType type, LocalizedText title, boolean nullable) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (title == null) title = LocalizedText.of(name, name);
    }

    public static Attribute of(String name, AttributeType type, String zh, String en) {
        return new Attribute(name, type, LocalizedText.of(zh, en), true);
    }
}
