package org.tidemark.data.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.filter.TemporalOperator;
import org.tidemark.data.h2gis.H2gisDialect;
import org.tidemark.data.postgis.PostgisDialect;

class SqlFilterEncoderTest {
    private static final FeatureType TYPE = ContractData.type("buildings");

    private static List<Filter> everyStringPosition(String s) {
        return List.of(
                new Filter.Comparison("name", ComparisonOperator.EQ, s, true),
                new Filter.Comparison("name", ComparisonOperator.LT, s, false),
                new Filter.Like("name", s, true),
                new Filter.Like("name", s, false),
                new Filter.In("name", List.of(s, s + "2")),
                new Filter.Between("name", s, s),
                new Filter.ResourceId(Set.of(s)),
                new Filter.Not(new Filter.Or(List.of(new Filter.Comparison("use", ComparisonOperator.NE, s, true)))));
    }

    @Test
    void valuesOnlyEverTravelAsParameters() {
        for (var dialect : List.of(new H2gisDialect(), new PostgisDialect())) {
            SqlFilterEncoder encoder = new SqlFilterEncoder(TYPE, dialect);
            for (String hostile : DataStoreContract.HOSTILE) {
                if (hostile.length() < 2) continue;
                for (Filter f : everyStringPosition(hostile)) {
                    SqlFragment sql = encoder.encode(f);
                    assertThat(sql.sql()).as(f.toString()).doesNotContain(hostile).doesNotContain("--").doesNotContain(";");
                    assertThat(sql.sql().chars().filter(c -> c == '?').count()).isEqualTo(sql.params().size());
                    String travels = f instanceof Filter.Like ? SqlFilterEncoder.sqlLikePattern(hostile) : hostile;
                    assertThat(sql.params()).anySatisfy(p -> assertThat(String.valueOf(p)).contains(travels));
                }
            }
        }
    }

    @Test
    void quotesIdentifiersFromTheSchemaNotFromTheRequest() {
        SqlFilterEncoder encoder = new SqlFilterEncoder(TYPE, new PostgisDialect());
        assertThat(encoder.encode(new Filter.Comparison("floors", ComparisonOperator.GE, 3, true)).sql())
                .isEqualTo("\"floors\" >= ?");
        assertThat(encoder.encode(new Filter.Like("name", "a%", false)).sql())
                .isEqualTo("LOWER(\"name\") LIKE LOWER(?) ESCAPE '\\'");
        for (String property : List.of("FLOORS", "floors\"", "floors --", "\"floors\"", "geom; DROP TABLE x")) {
            assertThatThrownBy(() -> encoder.encode(new Filter.Comparison(property, ComparisonOperator.EQ, 1, true)))
                    .isInstanceOfSatisfying(GeoServiceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.INVALID_PARAMETER);
                        assertThat(e.locator()).isEqualTo("filter");
                    });
        }
    }

    @Test
    void spatialPredicatesUseTheIndexFriendlyPrefilter() {
        var area = ContractData.box(121.8, 29.4, 121.9, 29.5);
        SqlFilterEncoder h2 = new SqlFilterEncoder(TYPE, new H2gisDialect());
        SqlFilterEncoder pg = new SqlFilterEncoder(TYPE, new PostgisDialect());
        assertThat(h2.encode(new Filter.Spatial(SpatialOperator.INTERSECTS, "geom", area, 0)).sql())
                .isEqualTo("(\"geom\" && ST_GeomFromWKB(?, 4490) AND ST_Intersects(\"geom\", ST_GeomFromWKB(?, 4490)))");
        assertThat(pg.encode(new Filter.Spatial(SpatialOperator.DWITHIN, "geom", area, 500)).sql())
                .startsWith("(\"geom\" && ST_GeomFromWKB(?, 4490) AND ST_DWithin(\"geom\"::geography");
        assertThat(h2.encode(new Filter.Spatial(SpatialOperator.DWITHIN, "geom", area, 500)).sql())
                .contains("TM_DWITHIN(\"geom\", ST_GeomFromWKB(?, 4490), ?)");
        assertThatThrownBy(() -> pg.encode(new Filter.Spatial(SpatialOperator.DWITHIN, "geom", area, Double.NaN)))
                .isInstanceOf(GeoServiceException.class);
    }

    @Test
    void translatesCql2LikeEscapesToTheSqlForm() {
        assertThat(SqlFilterEncoder.sqlLikePattern("100\\%")).isEqualTo("100\\%");
        assertThat(SqlFilterEncoder.sqlLikePattern("a\\b")).isEqualTo("ab");
        assertThat(SqlFilterEncoder.sqlLikePattern("ends\\")).isEqualTo("ends\\\\");
        assertThat(SqlFilterEncoder.sqlLikePattern("x\\\\y")).isEqualTo("x\\\\y");
    }

    @Test
    void openTemporalBoundsNeverReachTheDatabase() {
        SqlFilterEncoder encoder = new SqlFilterEncoder(TYPE, new PostgisDialect());
        SqlFragment sql = encoder.encode(new Filter.Temporal(TemporalOperator.DURING, "observed", Instant.MIN, Instant.MAX));
        assertThat(sql.params()).isEmpty();
        assertThat(sql.sql()).isEqualTo("((\"observed\" = \"observed\") AND (\"observed\" = \"observed\"))");
    }
}
