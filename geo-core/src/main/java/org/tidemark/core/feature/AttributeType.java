package org.tidemark.core.feature;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The value types a feature attribute can have. Deliberately small: what GML simple features
 * (OGC 10-100r3, level SF-0), GeoJSON and the SQL stores can all represent without loss.
 */
public enum AttributeType {
    STRING(String.class, "string"),
    INTEGER(Integer.class, "int"),
    LONG(Long.class, "long"),
    DOUBLE(Double.class, "double"),
    BOOLEAN(Boolean.class, "boolean"),
    DATE(LocalDate.class, "date"),
    DATETIME(Instant.class, "dateTime");

    private final Class<?> javaType;
    private final String xsdType;

    AttributeType(Class<?> javaType, String xsdType) {
        this.javaType = javaType;
        this.xsdType = xsdType;
    }

    /** The Java class values of this type have inside the system. */
    public Class<?> javaType() { return javaType; }

    /** The XML Schema built-in type name (without prefix) used in DescribeFeatureType. */
    public String xsdType() { return xsdType; }

    public boolean isNumeric() { return this == INTEGER || this == LONG || this == DOUBLE; }

    public boolean isTemporal() { return this == DATE || this == DATETIME; }
}
