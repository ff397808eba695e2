package org.tidemark.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.error.GeoServiceException;

class CrsTest {

    @ParameterizedTest
    @CsvSource({
            "4326, NORTH_EAST, true",
            "4490, NORTH_EAST, true",
            "3857, EAST_NORTH, false",
            "4549, NORTH_EAST, false",
            "4550, NORTH_EAST, false",
            "4528, NORTH_EAST, false",
            "4529, NORTH_EAST, false"})
    void epsgCodesCarryTheAuthorityAxisOrderButAreEastNorthInside(int code, AxisOrder order, boolean geographic) {
        Crs crs = Crs.epsg(code);
        assertThat(crs.epsgCode()).isEqualTo(code);
        assertThat(crs.authorityOrder()).isEqualTo(order);
        assertThat(crs.isGeographic()).isEqualTo(geographic);
        String firstAxis = crs.sis().getCoordinateSystem().getAxis(0).getDirection().name();
        assertThat(firstAxis).isEqualToIgnoringCase("east");
    }

    @Test
    void epsgInstancesAreCached() {
        assertThat(Crs.epsg(4549)).isSameAs(Crs.epsg(4549));
    }

    @ParameterizedTest
    @CsvSource({
            "EPSG:4326, 4326, EAST_NORTH",
            "epsg:4490, 4490, EAST_NORTH",
            "http://www.opengis.net/gml/srs/epsg.xml#4326, 4326, EAST_NORTH",
            "urn:ogc:def:crs:EPSG::4326, 4326, NORTH_EAST",
            "urn:ogc:def:crs:EPSG:9.8.15:4490, 4490, NORTH_EAST",
            "urn:x-ogc:def:crs:EPSG:4490, 4490, NORTH_EAST",
            "urn:x-ogc:def:crs:EPSG:6.11:4326, 4326, NORTH_EAST",
            "http://www.opengis.net/def/crs/EPSG/0/4549, 4549, NORTH_EAST",
            "https://www.opengis.net/def/crs/EPSG/0/3857, 3857, EAST_NORTH",
            "urn:ogc:def:crs:EPSG::3857, 3857, EAST_NORTH",
            "EPSG:900913, 3857, EAST_NORTH",
            "' EPSG:4550 ', 4550, EAST_NORTH"})
    void decodesEpsgSpellingsWithTheirWireOrder(String spelling, int code, AxisOrder order) {
        CrsReference ref = Crs.decode(spelling, "srsName");
        assertThat(ref.crs().epsgCode()).isEqualTo(code);
        assertThat(ref.order()).isEqualTo(order);
        assertThat(ref.spelling()).isEqualTo(spelling);
        assertThat(ref.swapsAxes()).isEqualTo(order == AxisOrder.NORTH_EAST);
    }

    @ParameterizedTest
    @CsvSource({"CRS:84", "OGC:CRS84", "CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "https://www.opengis.net/def/crs/OGC/1.3/CRS84",
            "http://www.opengis.net/def/crs/OGC/0/CRS84", "[OGC:CRS84]"})
    void decodesCrs84Spellings(String spelling) {
        CrsReference ref = Crs.decode(spelling, "crs");
        assertThat(ref.crs()).isSameAs(Crs.crs84());
        assertThat(ref.order()).isEqualTo(AxisOrder.EAST_NORTH);
        assertThat(ref.crs().shortName()).isEqualTo("CRS:84");
        assertThat(ref.crs().uri()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
    }

    @Test
    void namesEpsgCrsInAllThreeForms() {
        Crs crs = Crs.epsg(4490);
        assertThat(crs.shortName()).isEqualTo("EPSG:4490");
        assertThat(crs.urn()).isEqualTo("urn:ogc:def:crs:EPSG::4490");
        assertThat(crs.uri()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4490");
        assertThat(crs).hasToString("EPSG:4490");
    }

    @Test
    void acceptsALocalCgcs2000ProjectionAsWkt() {
        String wkt = """
                PROJCRS["Xiangshan local CGCS2000 / TM 121.9E",
                  BASEGEOGCRS["China Geodetic Coordinate System 2000",
                    DATUM["China 2000", ELLIPSOID["CGCS2000", 6378137, 298.257222101, LENGTHUNIT["metre",1]]],
                    UNIT["degree", 0.0174532925199433]],
                  CONVERSION["local TM", METHOD["Transverse Mercator"],
                    PARAMETER["Latitude of natural origin", 0, ANGLEUNIT["degree",0.0174532925199433]],
                    PARAMETER["Longitude of natural origin", 121.9, ANGLEUNIT["degree",0.0174532925199433]],
                    PARAMETER["Scale factor at natural origin", 1, SCALEUNIT["unity",1]],
                    PARAMETER["False easting", 500000, LENGTHUNIT["metre",1]],
                    PARAMETER["False northing", 0, LENGTHUNIT["metre",1]]],
                  CS[Cartesian, 2],
                    AXIS["northing (X)", north, LENGTHUNIT["metre",1]],
                    AXIS["easting (Y)", east, LENGTHUNIT["metre",1]]]""";
        CrsReference ref = Crs.decode(wkt, "filter-crs");
        assertThat(ref.crs().epsgCode()).isZero();
        assertThat(ref.order()).isEqualTo(AxisOrder.NORTH_EAST);
        assertThat(ref.crs().urn()).isNull();
        assertThat(ref.crs().metresPerUnit()).isEqualTo(1.0);
        // On the central meridian the easting is the false easting.
        double[] en = Reprojector.transform(121.9, 29.3, Crs.cgcs2000(), ref.crs());
        assertThat(en[0]).isCloseTo(500000.0, within(1e-6));
    }

    @Test
    void wktWithAnEpsgIdentifierKeepsTheCodeButIsNotTheSharedInstance() {
        String wkt = "GEOGCRS[\"CGCS2000 as sent by a client\", DATUM[\"China 2000\", ELLIPSOID[\"CGCS2000\", 6378137,"
                + " 298.257222101]], CS[ellipsoidal, 2], AXIS[\"latitude\", north, ANGLEUNIT[\"degree\", 0.0174532925199433]],"
                + " AXIS[\"longitude\", east, ANGLEUNIT[\"degree\", 0.0174532925199433]], ID[\"EPSG\", 4490]]";
        Crs crs = Crs.decode(wkt, "crs").crs();
        assertThat(crs.epsgCode()).isEqualTo(4490);
        assertThat(crs.isShared()).isFalse();
        assertThat(Reprojector.transform(121.8, 29.5, crs, Crs.epsg(4326))).containsExactly(121.8, 29.5);
        String unknownId = wkt.replace("4490]]", "999999]]");
        assertThat(Reprojector.transform(121.8, 29.5, Crs.decode(unknownId, "crs").crs(), Crs.cgcs2000()))
                .containsExactly(121.8, 29.5);
    }

    @Test
    void unknownOrMalformedCrsIsAnInvalidParameter() {
        for (String s : new String[] {"EPSG:999999", "EPSG:abc", "foo", "", "urn:ogc:def:crs:EPSG::0",
                "PROJCS[\"broken\"", "http://www.opengis.net/def/crs/OGC/1.3/CRS83"}) {
            assertThatThrownBy(() -> Crs.decode(s, "srsName"))
                    .as(s)
                    .isInstanceOfSatisfying(GeoServiceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.INVALID_PARAMETER);
                        assertThat(e.locator()).isEqualTo("srsName");
                    });
        }
        assertThatThrownBy(() -> Crs.epsg(999999)).isInstanceOf(GeoServiceException.class);
    }

    @Test
    void oversizedWktIsRejected() {
        String huge = "GEOGCS[\"" + "x".repeat(Crs.MAX_WKT_LENGTH) + "\"]";
        assertThatThrownBy(() -> Crs.decode(huge, "crs")).isInstanceOf(GeoServiceException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void metresPerUnitAndDomain() {
        assertThat(Crs.epsg(4490).metresPerUnit()).isCloseTo(111319.49, within(0.01));
        assertThat(Crs.epsg(4549).metresPerUnit()).isEqualTo(1.0);
        Envelope domain = Crs.epsg(4549).domainOfValidity();
        assertThat(domain.getMinX()).isCloseTo(118.5, within(1e-9));
        assertThat(domain.getMaxX()).isCloseTo(121.5, within(1e-9));
        assertThat(Crs.crs84().domainOfValidity().getWidth()).isEqualTo(360.0);
    }
}
