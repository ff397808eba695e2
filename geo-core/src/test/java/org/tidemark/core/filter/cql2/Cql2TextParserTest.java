package org.tidemark.core.filter.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.filter.TemporalOperator;

class Cql2TextParserTest {

    static Stream<Arguments> valid() { return Cql2Examples.arrows("valid-text.txt").stream(); }

    static Stream<Arguments> invalid() { return Cql2Examples.arrows("invalid-text.txt").stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesValidFiltersAndWritesThemCanonically(String input, String canonical) {
        Filter f = Cql2TextParser.parse(input);
        assertThat(Cql2TextWriter.write(f)).isEqualTo(canonical);
        // The canonical text parses back to the same filter.
        assertThat(Cql2TextParser.parse(canonical)).isEqualTo(f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidFiltersWithPosition(String input, String message) {
        assertThatThrownBy(() -> Cql2TextParser.parse(input))
                .isInstanceOfSatisfying(GeoServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.INVALID_PARAMETER);
                    assertThat(e.locator()).isEqualTo("filter");
                    assertThat(e.getMessage()).contains(message).containsPattern("at position \\d+$");
                });
    }

    @Test
    void buildsTypedLiterals() {
        assertThat(Cql2TextParser.parse("floors > 5"))
                .isEqualTo(new Filter.Comparison("floors", ComparisonOperator.GT, 5L, true));
        assertThat(Cql2TextParser.parse("level <= -1.25"))
                .isEqualTo(new Filter.Comparison("level", ComparisonOperator.LE, -1.25, true));
        assertThat(Cql2TextParser.parse("built = DATE('2020-02-29')"))
                .isEqualTo(new Filter.Comparison("built", ComparisonOperator.EQ, LocalDate.of(2020, 2, 29), true));
        assertThat(Cql2TextParser.parse("CASEI(name) = CASEI('Shipu')"))
                .isEqualTo(new Filter.Comparison("name", ComparisonOperator.EQ, "Shipu", false));
        assertThat(Cql2TextParser.parse("T_AFTER(observed, TIMESTAMP('2024-07-01T08:00:00Z'))"))
                .isEqualTo(new Filter.Temporal(TemporalOperator.AFTER, "observed", Instant.parse("2024-07-01T08:00:00Z"), null));
        assertThat(Cql2TextParser.parse("T_BEFORE(observed, INTERVAL('..', '2024-01-01T00:00:00Z'))"))
                .isEqualTo(new Filter.Temporal(TemporalOperator.BEFORE, "observed", Instant.MIN, Instant.parse("2024-01-01T00:00:00Z")));
    }

    @Test
    void aDateInATemporalPredicateIsTheWholeDay() {
        Filter onDay = Cql2TextParser.parse("T_INTERSECTS(observed, DATE('2024-07-01'))");
        Filter after = Cql2TextParser.parse("T_AFTER(observed, DATE('2024-07-01'))");
        org.tidemark.core.feature.Feature afternoon = new org.tidemark.core.feature.Feature("g", null,
                java.util.Map.of("observed", Instant.parse("2024-07-01T15:00:00Z")));
        org.tidemark.core.feature.Feature nextMidnight = new org.tidemark.core.feature.Feature("g", null,
                java.util.Map.of("observed", Instant.parse("2024-07-02T00:00:00Z")));
        assertThat(org.tidemark.core.filter.FilterEvaluator.matches(onDay, afternoon)).isTrue();
        assertThat(org.tidemark.core.filter.FilterEvaluator.matches(onDay, nextMidnight)).isFalse();
        assertThat(org.tidemark.core.filter.FilterEvaluator.matches(after, afternoon)).isFalse();
        assertThat(org.tidemark.core.filter.FilterEvaluator.matches(after, nextMidnight)).isTrue();
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(Cql2TextParser.parse("a like 'x%' and not b between 1 and 2 or c is null"))
                .isEqualTo(Cql2TextParser.parse("a LIKE 'x%' AND NOT b BETWEEN 1 AND 2 OR c IS NULL"));
    }

    @Test
    void transformsGeometryLiteralsFromTheFilterCrs() {
        // EPSG:4326 as a URI means latitude first.
        Filter f = Cql2TextParser.parse("S_INTERSECTS(geom, POINT(29.5 121.8))",
                Crs.decode("http://www.opengis.net/def/crs/EPSG/0/4326", "filter-crs"));
        assertThat(((Filter.Spatial) f).geometry().getCoordinate()).isEqualTo(new Coordinate(121.8, 29.5));
        // A Gauss-Krüger point (easting/northing, as CGCS2000 / 3-degree GK CM 120E defines with the EPSG:n form).
        Filter gk = Cql2TextParser.parse("S_INTERSECTS(geom, POINT(674554.2116 3266039.7302))",
                Crs.decode("EPSG:4549", "filter-crs"));
        Coordinate c = ((Filter.Spatial) gk).geometry().getCoordinate();
        assertThat(c.x).isCloseTo(121.8, within(1e-8));
        assertThat(c.y).isCloseTo(29.5, within(1e-8));
        // A projected BBOX is densified so its curved lon/lat outline is kept.
        Filter box = Cql2TextParser.parse("S_INTERSECTS(geom, BBOX(3266000, 674000, 3276000, 684000))",
                Crs.decode("urn:ogc:def:crs:EPSG::4549", "filter-crs"));
        Filter.Spatial s = (Filter.Spatial) box;
        assertThat(s.operator()).isEqualTo(SpatialOperator.INTERSECTS);
        assertThat(s.geometry().getNumPoints()).isGreaterThan(5);
        Envelope e = s.geometry().getEnvelopeInternal();
        assertThat(e.getMinX()).isCloseTo(121.79, within(0.01));
        assertThat(e.getMinY()).isCloseTo(29.5, within(0.01));
    }

    @Test
    void enforcesLengthAndDepthLimits() {
        String deep = "(".repeat(Cql2TextParser.MAX_DEPTH + 1) + "a = 1" + ")".repeat(Cql2TextParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Cql2TextParser.parse(deep)).hasMessageContaining("nesting deeper than 64 levels");
        String nots = "NOT ".repeat(Cql2TextParser.MAX_DEPTH + 1) + "a = 1";
        assertThatThrownBy(() -> Cql2TextParser.parse(nots)).hasMessageContaining("nesting deeper");
        String ok = "(".repeat(Cql2TextParser.MAX_DEPTH) + "a = 1" + ")".repeat(Cql2TextParser.MAX_DEPTH);
        assertThat(Cql2TextParser.parse(ok)).isInstanceOf(Filter.Comparison.class);
        String longText = "name IN (" + "'x', ".repeat(Cql2TextParser.MAX_LENGTH / 5) + "'y')";
        assertThatThrownBy(() -> Cql2TextParser.parse(longText)).hasMessageContaining("longer than 65536 characters");
        assertThatThrownBy(() -> Cql2TextParser.parse("  ")).hasMessageContaining("empty filter");
    }

    @Test
    void manyOperandsStayFlat() {
        String text = String.join(" OR ", java.util.Collections.nCopies(500, "a = 1"));
        assertThat(((Filter.Or) Cql2TextParser.parse(text)).operands()).hasSize(500);
        assertThat(List.of(Cql2TextParser.parse("a = 1 AND b = 2 AND c = 3"))).first()
                .isInstanceOfSatisfying(Filter.And.class, and -> assertThat(and.operands()).hasSize(3));
    }
}
