package org.tidemark.data.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.GeodeticCalculator;
import org.locationtech.jts.geom.Envelope;

class GeometriesTest {

    /** Every point reached by walking {@code metres} along a geodesic in any direction stays inside the expanded box. */
    @Property(tries = 200)
    void expandedEnvelopeContainsEveryPointWithinTheDistance(
            @ForAll @DoubleRange(min = -179, max = 179) double lon,
            @ForAll @DoubleRange(min = -88, max = 88) double lat,
            @ForAll @DoubleRange(min = 0, max = 200_000) double metres,
            @ForAll @DoubleRange(min = 0, max = 360) double azimuth) {
        Envelope box = Geometries.expandByMetres(new Envelope(lon, lon, lat, lat), metres);
        GeodeticCalculator calc = GeodeticCalculator.create(CommonCRS.WGS84.geographic());
        calc.setStartGeographicPoint(lat, lon);
        calc.setStartingAzimuth(azimuth);
        calc.setGeodesicDistance(metres);
        var end = calc.getEndPoint();
        double endLat = end.getOrdinate(0);
        double endLon = end.getOrdinate(1);
        if (box.getWidth() < 360 && Math.abs(endLon - lon) > 180) return; // crossed the antimeridian: not a county's case
        assertThat(box.contains(endLon, endLat)).as("%s,%s -> %s,%s", lon, lat, endLon, endLat).isTrue();
    }
}
