package org.tidemark.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.core.filter.FilterEvaluator.Truth.FALSE;
import static org.tidemark.core.filter.FilterEvaluator.Truth.TRUE;
import static org.tidemark.core.filter.FilterEvaluator.Truth.UNKNOWN;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.tidemark.core.feature.Feature;

class FilterEvaluatorTest {
    private static final WKTReader WKT = new WKTReader();

    private static Geometry wkt(String s) {
        try {
            return WKT.read(s);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Feature reservoir() {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "Dongfeng Reservoir");
        p.put("capacity_mcm", 12.5);
        p.put("floors", 3);
        p.put("code", "RR_01");
        p.put("built", LocalDate.of(1978, 6, 1));
        p.put("observed", Instant.parse("2024-07-01T08:00:00Z"));
        p.put("dam_crest", null);
        p.put("public", true);
        return new Feature("reservoirs.1", wkt("POLYGON ((121.8 29.5, 121.9 29.5, 121.9 29.6, 121.8 29.6, 121.8 29.5))"), p);
    }

    private static FilterEvaluator.Truth eval(Filter f) { return FilterEvaluator.evaluate(f, reservoir()); }

    private static Filter cmp(String p, ComparisonOperator op, Object v) { return new Filter.Comparison(p, op, v, true); }

    @Test
    void comparesNumbersAcrossTypes() {
        assertThat(eval(cmp("capacity_mcm", ComparisonOperator.GT, 12))).isEqualTo(TRUE);
        assertThat(eval(cmp("capacity_mcm", ComparisonOperator.EQ, 12.5f))).isEqualTo(TRUE);
        assertThat(eval(cmp("floors", ComparisonOperator.EQ, 3.0))).isEqualTo(TRUE);
        assertThat(eval(cmp("floors", ComparisonOperator.LE, 2L))).isEqualTo(FALSE);
        assertThat(eval(cmp("floors", ComparisonOperator.NE, 4))).isEqualTo(TRUE);
        assertThat(eval(cmp("floors", ComparisonOperator.GE, 3))).isEqualTo(TRUE);
        assertThat(eval(cmp("floors", ComparisonOperator.LT, 3))).isEqualTo(FALSE);
    }

    @Test
    void comparesStringsDatesAndInstants() {
        assertThat(eval(cmp("name", ComparisonOperator.EQ, "Dongfeng Reservoir"))).isEqualTo(TRUE);
        assertThat(eval(cmp("name", ComparisonOperator.EQ, "dongfeng reservoir"))).isEqualTo(FALSE);
        assertThat(eval(new Filter.Comparison("name", ComparisonOperator.EQ, "dongfeng reservoir", false))).isEqualTo(TRUE);
        assertThat(eval(cmp("built", ComparisonOperator.LT, LocalDate.of(1980, 1, 1)))).isEqualTo(TRUE);
        assertThat(eval(cmp("observed", ComparisonOperator.GT, Instant.parse("2024-07-01T07:59:59Z")))).isEqualTo(TRUE);
        assertThat(eval(cmp("observed", ComparisonOperator.GE, LocalDate.of(2024, 7, 2)))).isEqualTo(FALSE);
        assertThat(eval(cmp("public", ComparisonOperator.EQ, true))).isEqualTo(TRUE);
    }

    @Test
    void nullsFollowSqlThreeValuedLogic() {
        Filter nullCmp = cmp("dam_crest", ComparisonOperator.GT, 5);
        Filter missing = cmp("no_such", ComparisonOperator.EQ, 5);
        Filter t = cmp("floors", ComparisonOperator.EQ, 3);
        Filter f = cmp("floors", ComparisonOperator.EQ, 4);
        assertThat(eval(nullCmp)).isEqualTo(UNKNOWN);
        assertThat(eval(missing)).isEqualTo(UNKNOWN);
        assertThat(eval(cmp("floors", ComparisonOperator.EQ, null))).isEqualTo(UNKNOWN);
        assertThat(eval(new Filter.Not(nullCmp))).isEqualTo(UNKNOWN);
        assertThat(eval(new Filter.And(List.of(nullCmp, f)))).isEqualTo(FALSE);
        assertThat(eval(new Filter.And(List.of(nullCmp, t)))).isEqualTo(UNKNOWN);
        assertThat(eval(new Filter.Or(List.of(nullCmp, t)))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Or(List.of(nullCmp, f)))).isEqualTo(UNKNOWN);
        assertThat(eval(new Filter.IsNull("dam_crest"))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Not(new Filter.IsNull("name")))).isEqualTo(TRUE);
        assertThat(FilterEvaluator.matches(new Filter.Not(nullCmp), reservoir())).isFalse();
        assertThat(eval(new Filter.In("dam_crest", List.of(1, 2)))).isEqualTo(UNKNOWN);
        assertThat(eval(new Filter.Between("dam_crest", 1, 2))).isEqualTo(UNKNOWN);
        assertThat(eval(new Filter.Like("dam_crest", "%", true))).isEqualTo(UNKNOWN);
    }

    @Test
    void incomparableTypesAreUnknownNotErrors() {
        assertThat(eval(cmp("name", ComparisonOperator.GT, 5))).isEqualTo(UNKNOWN);
        assertThat(eval(cmp("floors", ComparisonOperator.EQ, "three"))).isEqualTo(UNKNOWN);
    }

    @Test
    void likeSupportsWildcardsEscapesAndCase() {
        assertThat(eval(new Filter.Like("name", "Dong%", true))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Like("name", "dong%", true))).isEqualTo(FALSE);
        assertThat(eval(new Filter.Like("name", "dong%", false))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Like("code", "RR__1", true))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Like("code", "RR\\_01", true))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Like("code", "RR\\%01", true))).isEqualTo(FALSE);
        assertThat(eval(new Filter.Like("name", "%(%", true))).isEqualTo(FALSE); // regex metacharacters are literal
        assertThat(eval(new Filter.Like("name", "Dongfeng Reservoir", true))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Like("name", "Dongfeng", true))).isEqualTo(FALSE);
        Feature f = new Feature("x", null, Map.of("name", "100% a.b"));
        assertThat(FilterEvaluator.matches(new Filter.Like("name", "100\\% a.b", true), f)).isTrue();
        assertThat(FilterEvaluator.matches(new Filter.Like("name", "100\\% a_b", true), f)).isTrue();
        assertThat(FilterEvaluator.matches(new Filter.Like("name", "100\\% a\\_b", true), f)).isFalse();
    }

    @Test
    void inAndBetween() {
        assertThat(eval(new Filter.In("floors", List.of(1, 2.0, 3L)))).isEqualTo(TRUE);
        assertThat(eval(new Filter.In("code", List.of("RR_02", "RR_03")))).isEqualTo(FALSE);
        assertThat(eval(new Filter.Between("capacity_mcm", 10, 12.5))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Between("capacity_mcm", 12.6, 20))).isEqualTo(FALSE);
        assertThat(eval(new Filter.Between("built", LocalDate.of(1970, 1, 1), LocalDate.of(1979, 1, 1)))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Between("floors", null, 2))).isEqualTo(FALSE);
        assertThat(eval(new Filter.Between("floors", null, 4))).isEqualTo(UNKNOWN);
    }

    @Test
    void spatialPredicates() {
        Geometry inside = wkt("POINT (121.85 29.55)");
        Geometry around = wkt("POLYGON ((121 29, 122 29, 122 30, 121 30, 121 29))");
        Geometry diagonal = wkt("LINESTRING (121.7 29.75, 121.75 29.7)");
        assertThat(eval(spatial(SpatialOperator.INTERSECTS, inside))).isEqualTo(TRUE);
        assertThat(eval(spatial(SpatialOperator.CONTAINS, inside))).isEqualTo(TRUE);
        assertThat(eval(spatial(SpatialOperator.WITHIN, around))).isEqualTo(TRUE);
        assertThat(eval(spatial(SpatialOperator.DISJOINT, diagonal))).isEqualTo(TRUE);
        assertThat(eval(spatial(SpatialOperator.TOUCHES, wkt("POINT (121.8 29.5)")))).isEqualTo(TRUE);
        assertThat(eval(spatial(SpatialOperator.CROSSES, wkt("LINESTRING (121.7 29.55, 121.85 29.55)")))).isEqualTo(TRUE);
        assertThat(eval(spatial(SpatialOperator.OVERLAPS,
                wkt("POLYGON ((121.85 29.55, 122 29.55, 122 29.7, 121.85 29.7, 121.85 29.55))")))).isEqualTo(TRUE);
        assertThat(eval(spatial(SpatialOperator.EQUALS,
                wkt("POLYGON ((121.9 29.6, 121.8 29.6, 121.8 29.5, 121.9 29.5, 121.9 29.6))")))).isEqualTo(TRUE);
        // BBOX is envelope intersection: the envelope of the box around the diagonal misses the reservoir...
        assertThat(eval(spatial(SpatialOperator.BBOX, diagonal))).isEqualTo(FALSE);
        // ...while a line whose envelope reaches it matches BBOX but not INTERSECTS.
        Geometry skew = wkt("LINESTRING (121.75 29.58, 121.82 29.75)");
        assertThat(eval(spatial(SpatialOperator.BBOX, skew))).isEqualTo(TRUE);
        assertThat(eval(spatial(SpatialOperator.INTERSECTS, skew))).isEqualTo(FALSE);
    }

    @Test
    void distancePredicatesAreInMetresOnTheEllipsoid() {
        // 121.91 E is 969.663 m east of the reservoir's east edge (121.9) at 29.5 N (PROJ geod).
        Geometry east = wkt("POINT (121.91 29.5)");
        assertThat(eval(new Filter.Spatial(SpatialOperator.DWITHIN, "geom", east, 1000))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Spatial(SpatialOperator.DWITHIN, "geom", east, 960))).isEqualTo(FALSE);
        assertThat(eval(new Filter.Spatial(SpatialOperator.BEYOND, "geom", east, 960))).isEqualTo(TRUE);
        assertThat(eval(new Filter.Spatial(SpatialOperator.BEYOND, "geom", east, 1000))).isEqualTo(FALSE);
    }

    @Test
    void spatialOnAMissingGeometryIsUnknown() {
        Feature noGeom = new Feature("n", null, Map.of());
        assertThat(FilterEvaluator.evaluate(spatial(SpatialOperator.DISJOINT, wkt("POINT (0 0)")), noGeom)).isEqualTo(UNKNOWN);
    }

    @Test
    void temporalPredicates() {
        Instant obs = Instant.parse("2024-07-01T08:00:00Z");
        Instant before = obs.minusSeconds(3600);
        Instant after = obs.plusSeconds(3600);
        assertThat(eval(temporal(TemporalOperator.AFTER, before, null))).isEqualTo(TRUE);
        assertThat(eval(temporal(TemporalOperator.BEFORE, after, null))).isEqualTo(TRUE);
        assertThat(eval(temporal(TemporalOperator.BEFORE, before, null))).isEqualTo(FALSE);
        assertThat(eval(temporal(TemporalOperator.TEQUALS, obs, null))).isEqualTo(TRUE);
        assertThat(eval(temporal(TemporalOperator.INTERSECTS, obs, null))).isEqualTo(TRUE);
        assertThat(eval(temporal(TemporalOperator.DURING, before, after))).isEqualTo(TRUE);
        assertThat(eval(temporal(TemporalOperator.DURING, obs, after))).isEqualTo(FALSE);
        assertThat(eval(temporal(TemporalOperator.INTERSECTS, obs, after))).isEqualTo(TRUE);
        assertThat(eval(temporal(TemporalOperator.DURING, Instant.MIN, after))).isEqualTo(TRUE);
        assertThat(eval(temporal(TemporalOperator.AFTER, Instant.MIN, before))).isEqualTo(TRUE);
        assertThat(eval(temporal(TemporalOperator.BEFORE, after, Instant.MAX))).isEqualTo(TRUE);
        // A date property is midnight UTC.
        assertThat(eval(new Filter.Temporal(TemporalOperator.TEQUALS, "built", Instant.parse("1978-06-01T00:00:00Z"), null)))
                .isEqualTo(TRUE);
        assertThat(eval(new Filter.Temporal(TemporalOperator.AFTER, "dam_crest", before, null))).isEqualTo(UNKNOWN);
    }

    @Test
    void resourceIdIncludeExclude() {
        assertThat(eval(new Filter.ResourceId(Set.of("reservoirs.1", "reservoirs.9")))).isEqualTo(TRUE);
        assertThat(eval(new Filter.ResourceId(Set.of("reservoirs.2")))).isEqualTo(FALSE);
        assertThat(eval(Filter.INCLUDE)).isEqualTo(TRUE);
        assertThat(eval(Filter.EXCLUDE)).isEqualTo(FALSE);
    }

    private static Filter spatial(SpatialOperator op, Geometry g) { return new Filter.Spatial(op, "geom", g, 0); }

    private static Filter temporal(TemporalOperator op, Instant start, Instant end) {
        return new Filter.Temporal(op, "observed", start, end);
    }
}
