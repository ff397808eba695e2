package org.tidemark.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.filter.cql2.Cql2TextParser;

class FilterValidatorTest {
    static final FeatureType STATIONS = new FeatureType("hydro_stations", null, null, List.of(
            Attribute.of("STCD", AttributeType.STRING, "测站编码", "Station code"),
            Attribute.of("STNM", AttributeType.STRING, "测站名称", "Station name"),
            Attribute.of("WRZ", AttributeType.DOUBLE, "警戒水位", "Warning level"),
            Attribute.of("ACTIVE", AttributeType.BOOLEAN, "在用", "Active"),
            Attribute.of("BUILT", AttributeType.DATE, "建站日期", "Built"),
            Attribute.of("UPDATED", AttributeType.DATETIME, "更新时间", "Updated")),
            "geom", GeometryKind.POINT, 4490, "UPDATED");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "STNM = '石浦' AND WRZ > 2.5",
            "STCD IN ('1', '2') OR STNM LIKE 'S%'",
            "WRZ BETWEEN 1 AND 3.5",
            "ACTIVE = TRUE AND BUILT < DATE('2000-01-01')",
            "geom IS NULL OR STNM IS NULL",
            "S_INTERSECTS(geom, BBOX(121, 29, 122, 30))",
            "T_AFTER(UPDATED, TIMESTAMP('2024-01-01T00:00:00Z')) AND T_BEFORE(BUILT, DATE('1990-01-01'))",
            "UPDATED > TIMESTAMP('2024-01-01T00:00:00Z')"})
    void acceptsFiltersOnQueryables(String cql) {
        assertThatCode(() -> FilterValidator.validate(Cql2TextParser.parse(cql), STATIONS)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "name = 'x'                                  | unknown property 'name' in the filter; the queryables of hydro_stations are geom, STCD, STNM, WRZ, ACTIVE, BUILT, UPDATED",
            "stnm = 'x'                                  | unknown property 'stnm'",
            "S_INTERSECTS(location, POINT(1 2))          | unknown property 'location'",
            "S_INTERSECTS(STNM, POINT(1 2))              | 'STNM' is not a geometry",
            "geom = 'x'                                  | 'geom' is the geometry",
            "WRZ LIKE '1%'                               | LIKE needs a string property",
            "T_AFTER(STNM, DATE('2020-01-01'))           | temporal predicates need a date or date-time property",
            "WRZ > 'high'                                | 'WRZ' is double and cannot be compared with 'high'",
            "STNM = 5                                    | 'STNM' is string and cannot be compared with 5",
            "ACTIVE IN (TRUE, 3)                         | 'ACTIVE' is boolean",
            "BUILT BETWEEN DATE('2000-01-01') AND 7      | 'BUILT' is date"})
    void rejectsUnknownOrMisusedProperties(String cql, String message) {
        assertThatThrownBy(() -> FilterValidator.validate(Cql2TextParser.parse(cql), STATIONS))
                .isInstanceOfSatisfying(GeoServiceException.class, e -> {
                    assertThat(e.locator()).isEqualTo("filter");
                    assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.INVALID_PARAMETER);
                    assertThat(e.getMessage()).contains(message.strip());
                });
    }

    @Test
    void hiddenAttributesLookUnknown() {
        Filter f = Cql2TextParser.parse("WRZ > 1");
        assertThatCode(() -> FilterValidator.validate(f, STATIONS, Set.of("WRZ"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> FilterValidator.validate(f, STATIONS, Set.of("STNM")))
                .hasMessageContaining("unknown property 'WRZ'")
                .hasMessageContaining("are geom, STNM")
                .hasMessageNotContaining("WRZ,");
    }

    @Test
    void listsReferencedProperties() {
        assertThat(FilterValidator.properties(Cql2TextParser.parse("a = 1 AND (NOT b IS NULL OR S_INTERSECTS(geom, POINT(1 2)))")))
                .containsExactly("a", "b", "geom");
    }
}
