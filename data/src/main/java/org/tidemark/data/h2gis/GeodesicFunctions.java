package org.tidemark.data.h2gis;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.FilterEvaluator;
import org.tidemark.core.filter.SpatialOperator;

/**
 * H2 user functions (H2 {@code CREATE ALIAS}) for what H2GIS lacks: distance on the ellipsoid.
 * The test is delegated to geo-core's {@link FilterEvaluator}, so the embedded store and in-memory
 * sources agree exactly on DWithin (FES 2.0 §7.8.3.3, CQL2 has no DWithin; OGC API uses metres).
 */
public final class GeodesicFunctions {
    private GeodesicFunctions() {}

    /** {@code TM_DWITHIN(geom, literal, metres)}: null when either geometry is null (SQL three-valued logic). */
    public static Boolean dwithin(Geometry geometry, Geometry literal, double metres) {
        if (geometry == null || literal == null) return null;
        Filter within = new Filter.Spatial(SpatialOperator.DWITHIN, null, literal, metres);
        return FilterEvaluator.matches(within, new Feature("_", geometry, Map.of()));
    }
}
