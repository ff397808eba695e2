package org.tidemark.core.filter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * A protocol-neutral selection predicate over features: the common target of CQL2 text and JSON
 * (OGC 21-065), FES 2.0 XML (ISO 19143) and the access gate's row filters. Parsed once at the edge,
 * then encoded to SQL by the stores (values always bound as parameters) or evaluated in memory by
 * {@link FilterEvaluator} for live sources.
 *
 * <p>Spatial literals are always in longitude/latitude order on the storage datum: parsers transform
 * literals from the request's CRS before building the tree, so a store never sees a foreign CRS.
 */
public sealed interface Filter {

    /** Matches everything (the neutral element of {@code and}). */
    Filter INCLUDE = new Include();
    /** Matches nothing. */
    Filter EXCLUDE = new Exclude();

    record Include() implements Filter {}

    record Exclude() implements Filter {}

    record And(List<Filter> operands) implements Filter {
        public And { operands = List.copyOf(operands); }
    }

    record Or(List<Filter> operands) implements Filter {
        public Or { operands = List.copyOf(operands); }
    }

    record Not(Filter operand) implements Filter {
        public Not { Objects.requireNonNull(operand); }
    }

    /** Binary comparison of a property with a literal (CQL2 basic comparison, FES PropertyIsEqualTo...). */
    record Comparison(String property, ComparisonOperator operator, Object value, boolean matchCase) implements Filter {
        public Comparison { Objects.requireNonNull(property); Objects.requireNonNull(operator); }
    }

    /**
     * Pattern match. The pattern uses {@code %} for any sequence and {@code _} for one character,
     * {@code \} escapes (CQL2 convention); FES wildcards are translated by the FES parser.
     */
    record Like(String property, String pattern, boolean matchCase) implements Filter {}

    record In(String property, List<Object> values) implements Filter {
        public In { values = List.copyOf(values); }
    }

    record Between(String property, Object lower, Object upper) implements Filter {}

    record IsNull(String property) implements Filter {}

    /**
     * A spatial predicate between a feature's geometry property and a literal geometry in lon/lat.
     * {@code distanceMetres} is used by {@link SpatialOperator#DWITHIN} and {@link SpatialOperator#BEYOND} only.
     */
    record Spatial(SpatialOperator operator, String property, Geometry geometry, double distanceMetres) implements Filter {
        public Spatial { Objects.requireNonNull(operator); Objects.requireNonNull(geometry); }
    }

    /**
     * A temporal predicate between a time property and an instant or an interval ({@code end} null for an instant;
     * {@code start} or {@code end} may be {@link Instant#MIN}/{@link Instant#MAX} for open intervals).
     */
    record Temporal(TemporalOperator operator, String property, Instant start, Instant end) implements Filter {}

    /** Selects features by id (FES ResourceId, WFS RESOURCEID, OGC API item id). */
    record ResourceId(Set<String> ids) implements Filter {
        public ResourceId { ids = Set.copyOf(ids); }
    }

    static Filter and(Filter... fs) {
        List<Filter> kept = java.util.Arrays.stream(fs).filter(f -> f != null && !(f instanceof Include)).toList();
        if (kept.stream().anyMatch(f -> f instanceof Exclude)) return EXCLUDE;
        return kept.isEmpty() ? INCLUDE : kept.size() == 1 ? kept.get(0) : new And(kept);
    }
}
