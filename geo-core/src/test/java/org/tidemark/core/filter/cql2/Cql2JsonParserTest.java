package org.tidemark.core.filter.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.filter.Filter;

class Cql2JsonParserTest {

    static Stream<Arguments> pairs() { return Cql2Examples.pairs("json-text-pairs.txt").stream(); }

    static Stream<Arguments> invalid() { return Cql2Examples.arrows("invalid-json.txt").stream(); }

    @ParameterizedTest(name = "{1}")
    @MethodSource("pairs")
    void jsonAndTextEncodingsParseToTheSameFilter(String json, String text) {
        assertThat(Cql2JsonParser.parse(json)).isEqualTo(Cql2TextParser.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidJsonWithPosition(String json, String message) {
        assertThatThrownBy(() -> Cql2JsonParser.parse(json))
                .isInstanceOfSatisfying(GeoServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.INVALID_PARAMETER);
                    assertThat(e.locator()).isEqualTo("filter");
                    assertThat(e.getMessage()).contains(message).containsPattern("at position \\d+$");
                });
    }

    @Test
    void readsJsonEscapesAndWhitespace() {
        Filter f = Cql2JsonParser.parse(" {\n \"op\" : \"=\", \"args\" : [ {\"property\":\"STNM\"}, \"\\u77f3\\u6d66\\\"\" ] } ");
        assertThat(Cql2TextWriter.write(f)).isEqualTo("STNM = '石浦\"'");
    }

    @Test
    void transformsGeoJsonLiteralsFromTheFilterCrs() {
        Filter f = Cql2JsonParser.parse("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},"
                        + "{\"type\":\"Point\",\"coordinates\":[29.5,121.8]}]}",
                Crs.decode("urn:ogc:def:crs:EPSG::4490", "filter-crs"));
        assertThat(((Filter.Spatial) f).geometry().getCoordinate()).isEqualTo(new Coordinate(121.8, 29.5));
    }

    @Test
    void enforcesDepthAndLength() {
        String deep = "{\"op\":\"not\",\"args\":[".repeat(Cql2TextParser.MAX_DEPTH + 1) + "true" + "]}".repeat(Cql2TextParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Cql2JsonParser.parse(deep)).isInstanceOf(GeoServiceException.class)
                .hasMessageContaining("deeper than");
        String arrays = "[".repeat(100_000);
        assertThatThrownBy(() -> Cql2JsonParser.parse(arrays)).isInstanceOf(GeoServiceException.class);
        String big = "{\"op\":\"in\",\"args\":[{\"property\":\"a\"},[" + "1,".repeat(40_000) + "1]]}";
        assertThatThrownBy(() -> Cql2JsonParser.parse(big)).hasMessageContaining("longer than");
    }
}
