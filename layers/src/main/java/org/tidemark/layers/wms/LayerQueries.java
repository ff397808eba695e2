package org.tidemark.layers.wms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.filter.TemporalOperator;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;

/**
 * Builds the feature queries of GetMap and GetFeatureInfo: the view's lon/lat box, the access gate's row
 * filter and spatial limit, the client's CQL filter and the TIME dimension, all ANDed; and masks the
 * attributes the principal may not see before anything (a label, an info table) can show them.
 */
final class LayerQueries {
    private LayerQueries() {}

    static FeatureQuery query(LayerAccess.Granted g, Envelope lonLat, Filter clientFilter, Filter timeFilter) {
        FeatureType type = g.layer().type();
        Filter limit = g.decision().spatialLimit() == null ? Filter.INCLUDE
                : new Filter.Spatial(SpatialOperator.INTERSECTS, type.geometryName(), g.decision().spatialLimit(), 0);
        Filter f = Filter.and(g.decision().rowFilter(), limit, clientFilter, timeFilter);
        return FeatureQuery.all(type.name()).withFilter(f).withBbox(lonLat);
    }

    /** The cursor with invisible attributes removed from every feature. */
    static FeatureCursor masked(FeatureCursor c, LayerAccess.Granted g) {
        if (g.decision().attributes() == null) return c;
        var visible = g.decision().attributes();
        return new FeatureCursor() {
            public boolean hasNext() { return c.hasNext(); }

            public Feature next() {
                if (!c.hasNext()) throw new NoSuchElementException();
                return c.next().withOnly(visible);
            }

            public void close() { c.close(); }
        };
    }

    /**
     * The TIME parameter (WMS 1.3.0 Annex C / D.2): an ISO 8601 instant or date, or {@code start/end}
     * (either side may be empty for open intervals); {@code current} or absent means no restriction.
     */
    static Filter time(FeatureType type, String time) {
        if (time == null || time.isBlank() || !type.hasTime() || time.equalsIgnoreCase("current")) return Filter.INCLUDE;
        String attr = type.timeAttribute();
        String[] parts = time.split("/", -1);
        if (parts.length == 1) {
            Instant[] day = range(parts[0]);
            return new Filter.Temporal(TemporalOperator.INTERSECTS, attr, day[0], day[1]);
        }
        if (parts.length == 2 || parts.length == 3) {
            Instant start = parts[0].isBlank() ? Instant.MIN : range(parts[0])[0];
            Instant end = parts[1].isBlank() ? Instant.MAX : range(parts[1])[1];
            if (start.isAfter(end)) throw WmsErrors.invalidDimension("TIME", time);
            return new Filter.Temporal(TemporalOperator.INTERSECTS, attr, start, end);
        }
        throw WmsErrors.invalidDimension("TIME", time);
    }

    /** An instant as [t, t]; a date as the whole UTC day. */
    private static Instant[] range(String s) {
        String t = s.trim();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return new Instant[] {d.atStartOfDay(ZoneOffset.UTC).toInstant(), d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)};
            }
            Instant i = t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$") ? java.time.OffsetDateTime.parse(t).toInstant()
                    : java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            return new Instant[] {i, i};
        } catch (DateTimeParseException e) {
            throw WmsErrors.invalidDimension("TIME", s);
        }
    }
}
