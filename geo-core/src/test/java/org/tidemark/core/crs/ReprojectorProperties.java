package org.tidemark.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.locationtech.jts.geom.Envelope;

/** Round trips through the CRSs Tidemark publishes, over the whole Zhejiang coast and beyond. */
class ReprojectorProperties {
    private static final int[] PROJECTED = {4549, 4550, 4528, 4529, 3857};

    @Property
    void projectedRoundTripsAreExactToATenthOfAMillimetre(@ForAll @DoubleRange(min = 118.0, max = 124.5) double lon,
                                                    @ForAll @DoubleRange(min = 24.0, max = 33.0) double lat,
                                                    @ForAll @IntRange(min = 0, max = 4) int which) {
        Crs target = Crs.epsg(PROJECTED[which]);
        double[] en = Reprojector.transform(lon, lat, Crs.cgcs2000(), target);
        double[] back = Reprojector.transform(en[0], en[1], target, Crs.cgcs2000());
        assertThat(back[0]).isCloseTo(lon, within(1e-9));
        assertThat(back[1]).isCloseTo(lat, within(1e-9));
    }

    @Property
    void cgcs2000AndWgs84AreTheSameNumbers(@ForAll @DoubleRange(min = -180, max = 180) double lon,
                                           @ForAll @DoubleRange(min = -90, max = 90) double lat) {
        assertThat(Reprojector.transform(lon, lat, Crs.epsg(4490), Crs.epsg(4326))).containsExactly(lon, lat);
        assertThat(Reprojector.transform(lon, lat, Crs.crs84(), Crs.epsg(4490))).containsExactly(lon, lat);
    }

    @Property(tries = 50)
    void transformedEnvelopesCoverTheTransformedCorners(@ForAll @DoubleRange(min = 119, max = 123.5) double west,
                                                       @ForAll @DoubleRange(min = 27, max = 31) double south,
                                                       @ForAll @DoubleRange(min = 0.001, max = 1.5) @Scale(4) double size,
                                                       @ForAll @IntRange(min = 0, max = 4) int which) {
        Crs target = Crs.epsg(PROJECTED[which]);
        Envelope box = new Envelope(west, west + size, south, south + size);
        Envelope out = Reprojector.transform(box, Crs.cgcs2000(), target);
        for (double x : new double[] {box.getMinX(), box.centre().x, box.getMaxX()}) {
            for (double y : new double[] {box.getMinY(), box.centre().y, box.getMaxY()}) {
                double[] p = Reprojector.transform(x, y, Crs.cgcs2000(), target);
                assertThat(out.covers(p[0], p[1])).isTrue();
            }
        }
    }
}
