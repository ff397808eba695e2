package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.layers.wms.WmsTestSupport.call;
import static org.tidemark.layers.wms.WmsTestSupport.image;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.Reprojector;
import org.tidemark.core.render.GoldenImage;

/**
 * Golden images of GetMap through the controller, with the bundled default styles (flood zones by risk
 * class, gauges by alarm status, police cameras as icons with their view cones and names), in Web Mercator,
 * geographic lat/lon (1.3.0 axis order) and CGCS2000 Gauss–Krüger EPSG:4549 — the same features must land
 * on the same pixels in each, within the tolerance of {@link GoldenImage}.
 */
class WmsGoldenImagesTest {
    private final MockMvc mvc = WmsFixtures.mvc(WmsSettings.defaults().withCache(0, 1));
    /** Around the fixtures' camera, gauges and flood zones. */
    private static final Envelope LON_LAT = new Envelope(121.58, 121.98, 29.22, 29.62);

    private BufferedImage map(String version, String crsParam, String crs, String bbox, String format) throws Exception {
        MockHttpServletResponse r = call(mvc, "/wms", WmsFixtures.OFFICER, "SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", version,
                "LAYERS", "flood_zones,gauges,police_cameras", "STYLES", ",,", crsParam, crs, "BBOX", bbox,
                "WIDTH", "256", "HEIGHT", "256", "FORMAT", format, "TRANSPARENT", "TRUE");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return image(r);
    }

    private static String box(Envelope e) { return e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY(); }

    @Test
    void defaultStylesInWebMercator() throws Exception {
        Envelope merc = Reprojector.transform(LON_LAT, Crs.epsg(4326), Crs.epsg(3857));
        GoldenImage.assertMatches(map("1.3.0", "CRS", "EPSG:3857", box(merc), "image/png"), "wms-default-styles-3857");
    }

    @Test
    void defaultStylesInGeographicLatLonOrder() throws Exception {
        String latLon = LON_LAT.getMinY() + "," + LON_LAT.getMinX() + "," + LON_LAT.getMaxY() + "," + LON_LAT.getMaxX();
        GoldenImage.assertMatches(map("1.3.0", "CRS", "EPSG:4326", latLon, "image/png"), "wms-default-styles-4326");
    }

    @Test
    void defaultStylesInGaussKrugerEpsg4549() throws Exception {
        Envelope gk = Reprojector.transform(LON_LAT, Crs.epsg(4490), Crs.epsg(4549));
        GoldenImage.assertMatches(map("1.1.1", "SRS", "EPSG:4549", box(gk), "image/png"), "wms-default-styles-4549");
    }

    @Test
    void cameraWithItsViewConeAndChineseNameCloseUp() throws Exception {
        // 1.5 km around camera C1 (丹城路口, heading east): scale ~1:21,000, where the cone and name rules apply
        Envelope near = Reprojector.transform(new Envelope(121.595, 121.610, 29.341, 29.354), Crs.epsg(4326), Crs.epsg(3857));
        GoldenImage.assertMatches(map("1.3.0", "CRS", "EPSG:3857", box(near), "image/png"), "wms-camera-cone-label-3857");
    }

    @Test
    void paletted8BitPngKeepsThePicture() throws Exception {
        Envelope merc = Reprojector.transform(LON_LAT, Crs.epsg(4326), Crs.epsg(3857));
        BufferedImage full = map("1.3.0", "CRS", "EPSG:3857", box(merc), "image/png");
        BufferedImage eight = map("1.3.0", "CRS", "EPSG:3857", box(merc), "image/png; mode=8bit");
        assertThat(eight.getColorModel()).isInstanceOf(java.awt.image.IndexColorModel.class);
        // quantisation moves colours a little, never the picture
        assertThat(GoldenImage.differentPixels(full, eight)).isLessThan(256 * 256 / 100);
    }
}
