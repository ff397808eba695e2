package org.tidemark.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.tidemark.core.error.GeoServiceException;

class ReprojectorTest {

    @Test
    void cgcs2000ToWgs84IsExactlyTheIdentity() throws Exception {
        Geometry g = new WKTReader().read("LINESTRING (121.8 29.5, 121.95 29.2, 122.1 29.65)");
        Geometry out = Reprojector.transform(g, Crs.epsg(4490), Crs.epsg(4326));
        assertThat(out.getCoordinates()).containsExactly(g.getCoordinates());
        assertThat(Reprojector.transform(121.8, 29.5, Crs.epsg(4326), Crs.epsg(4490))).containsExactly(121.8, 29.5);
        assertThat(Reprojector.transform(121.8, 29.5, Crs.epsg(4490), Crs.crs84())).containsExactly(121.8, 29.5);
        assertThat(OperationCache.transform(Crs.epsg(4490), Crs.epsg(4326)).isIdentity()).isTrue();
    }

    /** Expected values from PROJ 9 ({@code cs2cs EPSG:4490 EPSG:xxxx}), to the millimetre. */
    @ParameterizedTest
    @CsvSource({
            "4549, 121.8, 29.5, 674554.2116, 3266039.7302",
            "4528, 121.8, 29.5, 40674554.2116, 3266039.7302",
            "4550, 121.8, 29.5, 383636.0431, 3265289.3797",
            "4529, 121.8, 29.5, 41383636.0431, 3265289.3797",
            "4550, 121.95, 29.2, 397883.6981, 3231893.3249",
            "3857, 121.8, 29.5, 13558713.9786, 3439440.0607"})
    void gaussKrugerAndWebMercatorMatchProj(int code, double lon, double lat, double e, double n) {
        double[] en = Reprojector.transform(lon, lat, Crs.epsg(4490), Crs.epsg(code));
        assertThat(en[0]).isCloseTo(e, within(0.001));
        assertThat(en[1]).isCloseTo(n, within(0.001));
        double[] back = Reprojector.transform(en[0], en[1], Crs.epsg(code), Crs.epsg(4490));
        assertThat(back[0]).isCloseTo(lon, within(1e-9));
        assertThat(back[1]).isCloseTo(lat, within(1e-9));
    }

    @Test
    void transformsGeometriesKeepingStructureAndZ() throws Exception {
        Geometry g = new WKTReader().read("POLYGON Z ((121.8 29.5 5, 121.9 29.5 6, 121.9 29.6 7, 121.8 29.5 5))");
        Geometry out = Reprojector.transform(g, Crs.epsg(4490), Crs.epsg(4549));
        assertThat(out.getGeometryType()).isEqualTo("Polygon");
        assertThat(out.getSRID()).isEqualTo(4549);
        Coordinate c = out.getCoordinates()[0];
        assertThat(c.x).isCloseTo(674554.2116, within(0.001));
        assertThat(c.getZ()).isEqualTo(5.0);
        assertThat(g.getCoordinates()[0].x).isEqualTo(121.8); // input untouched
    }

    @Test
    void swapAxesExchangesXAndY() throws Exception {
        Geometry g = new WKTReader().read("MULTIPOINT ((121.8 29.5), (122 30))");
        Geometry swapped = Reprojector.swapAxes(g);
        assertThat(swapped.getCoordinates()).containsExactly(new Coordinate(29.5, 121.8), new Coordinate(30, 122));
        assertThat(Reprojector.swapAxes(swapped).equalsExact(g)).isTrue();
    }

    @Test
    void envelopeTransformCoversTheCurvedImage() {
        Envelope lonLat = new Envelope(121.0, 122.5, 29.0, 30.0);
        Envelope gk = Reprojector.transform(lonLat, Crs.epsg(4490), Crs.epsg(4549));
        // Every densified edge point of the source box must fall inside the result.
        for (int i = 0; i <= 100; i++) {
            double lon = 121.0 + 1.5 * i / 100;
            for (double lat : new double[] {29.0, 30.0}) {
                double[] p = Reprojector.transform(lon, lat, Crs.epsg(4490), Crs.epsg(4549));
                assertThat(gk.covers(p[0], p[1])).as("%s %s", lon, lat).isTrue();
            }
        }
        // Parallels curve towards the pole away from the central meridian (120°E): for a box straddling it
        // the lowest northing is mid-way along the bottom edge, which the corners alone would miss.
        Envelope straddling = Reprojector.transform(new Envelope(119.5, 120.5, 29.0, 30.0), Crs.epsg(4490), Crs.epsg(4549));
        double[] bottomLeft = Reprojector.transform(119.5, 29.0, Crs.epsg(4490), Crs.epsg(4549));
        double[] onMeridian = Reprojector.transform(120.0, 29.0, Crs.epsg(4490), Crs.epsg(4549));
        assertThat(onMeridian[1]).isLessThan(bottomLeft[1]);
        assertThat(straddling.getMinY()).isCloseTo(onMeridian[1], within(1e-6));
    }

    @Test
    void worldEnvelopeToWebMercatorIsClippedToItsDomain() {
        Envelope merc = Reprojector.transform(new Envelope(-180, 180, -90, 90), Crs.crs84(), Crs.epsg(3857));
        assertThat(merc.getMaxX()).isCloseTo(20037508.34, within(0.01));
        // EPSG's domain of validity for 3857 stops at 85.06°, slightly beyond the square's 85.0511°.
        assertThat(merc.getMaxY()).isBetween(20037508.34, 20100000.0);
        assertThat(merc.getMinY()).isBetween(-20100000.0, -20037508.34);
    }

    @Test
    void wireHelpersApplyTheSpellingsAxisOrder() throws Exception {
        Geometry stored = new WKTReader().read("POINT (121.8 29.5)");
        CrsReference urn4326 = Crs.decode("urn:ogc:def:crs:EPSG::4326", "srsName");
        CrsReference short4326 = Crs.decode("EPSG:4326", "srsName");
        CrsReference gk = Crs.decode("http://www.opengis.net/def/crs/EPSG/0/4549", "crs");
        assertThat(Reprojector.toWire(stored, urn4326).getCoordinate()).isEqualTo(new Coordinate(29.5, 121.8));
        assertThat(Reprojector.toWire(stored, short4326).getCoordinate()).isEqualTo(new Coordinate(121.8, 29.5));
        Coordinate ne = Reprojector.toWire(stored, gk).getCoordinate();
        assertThat(ne.x).isCloseTo(3266039.7302, within(0.001)); // northing first, as EPSG defines 4549
        assertThat(ne.y).isCloseTo(674554.2116, within(0.001));
        Coordinate back = Reprojector.fromWire(Reprojector.toWire(stored, gk), gk).getCoordinate();
        assertThat(back.x).isCloseTo(121.8, within(1e-9));
        assertThat(back.y).isCloseTo(29.5, within(1e-9));
        Envelope bbox = Reprojector.fromWire(new Envelope(29, 30, 121, 122), urn4326);
        assertThat(bbox).isEqualTo(new Envelope(121, 122, 29, 30));
        assertThat(Reprojector.toWire(bbox, urn4326)).isEqualTo(new Envelope(29, 30, 121, 122));
    }

    @Test
    void sameCrsReturnsTheInputGeometry() throws Exception {
        Geometry g = new WKTReader().read("POINT (1 2)");
        assertThat(Reprojector.transform(g, Crs.epsg(4490), Crs.epsg(4490))).isSameAs(g);
    }

    @Test
    void envelopeOutsideTheTargetDomainIsInvalid() {
        assertThatThrownBy(() -> Reprojector.transform(new Envelope(0, 1, 89.9, 90), Crs.crs84(), Crs.epsg(3857)))
                .isInstanceOf(GeoServiceException.class);
    }
}
