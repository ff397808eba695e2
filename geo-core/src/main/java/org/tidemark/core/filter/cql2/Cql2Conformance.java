package org.tidemark.core.filter.cql2;

import java.util.List;

/**
 * The CQL2 conformance classes (OGC 21-065r2 Annex A) that {@link Cql2TextParser} and {@link Cql2JsonParser}
 * implement, for an OGC API {@code /conformance} document. The OGC API Features Part 3 classes ({@code filter},
 * {@code features-filter}) are the protocol module's to declare.
 */
public final class Cql2Conformance {
    private static final String BASE = "http://www.opengis.net/spec/cql2/1.0/conf/";

    /** The implemented classes, as URIs. */
    public static final List<String> CLASSES = List.of(
            BASE + "cql2-text",
            BASE + "cql2-json",
            BASE + "basic-cql2",
            BASE + "advanced-comparison-operators",
            BASE + "case-insensitive-comparison",
            BASE + "basic-spatial-functions",
            BASE + "basic-spatial-functions-plus",
            BASE + "spatial-functions",
            BASE + "temporal-functions");

    private Cql2Conformance() {}
}
