package org.tidemark.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeodesicDistanceTest {

    /** Expected values from PROJ {@code geod +ellps=WGS84 -I}. */
    @Test
    void pointToPointMatchesProjGeod() {
        assertThat(GeodesicDistance.between(121.8, 29.5, 121.9, 29.6)).isCloseTo(14724.063, within(0.001));
        assertThat(GeodesicDistance.between(121.8, 29.5, 121.81, 29.5)).isCloseTo(969.663, within(0.001));
        assertThat(GeodesicDistance.between(0, 0, 1, 0)).isCloseTo(111319.491, within(0.001));
    }

    @Test
    void geometryDistanceUsesTheNearestPoints() throws Exception {
        WKTReader r = new WKTReader();
        Geometry line = r.read("LINESTRING (121.81 29.4, 121.81 29.6)");
        Geometry point = r.read("POINT (121.8 29.5)");
        // The nearest point on the line is due east: 969.663 m (geod), not the ends.
        assertThat(GeodesicDistance.between(point, line)).isCloseTo(969.663, within(0.5));
        assertThat(GeodesicDistance.within(point, line, 1000)).isTrue();
        assertThat(GeodesicDistance.within(point, line, 900)).isFalse();
        assertThat(GeodesicDistance.between(r.read("POLYGON ((121 29, 122 29, 122 30, 121 29))"),
                r.read("POINT (121.9 29.5)"))).isZero();
    }
}
