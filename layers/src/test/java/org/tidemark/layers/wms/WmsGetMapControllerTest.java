package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.layers.wms.WmsTestSupport.RED_BLUE_SLD;
import static org.tidemark.layers.wms.WmsTestSupport.alpha;
import static org.tidemark.layers.wms.WmsTestSupport.call;
import static org.tidemark.layers.wms.WmsTestSupport.image;
import static org.tidemark.layers.wms.WmsTestSupport.rgb;
import static org.tidemark.layers.wms.WmsTestSupport.wms;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

class WmsGetMapControllerTest {
    private final MockMvc mvc = WmsFixtures.mvc();

    private MockHttpServletResponse map(String version, String crs, String bbox, String... extra) throws Exception {
        String[] base = {"SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", version, "LAYERS", "flood_zones", "STYLES", "",
            version.equals("1.3.0") ? "CRS" : "SRS", crs, "BBOX", bbox, "WIDTH", "100", "HEIGHT", "100", "FORMAT", "image/png",
            "SLD_BODY", RED_BLUE_SLD};
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < base.length; i += 2) params.put(base[i], base[i + 1]);
        for (int i = 0; i < extra.length; i += 2) params.put(extra[i], extra[i + 1]);
        return wms(mvc, params.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
    }

    private static void assertQuarters(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("image/png");
        BufferedImage img = image(r);
        assertThat(rgb(img, 25, 25)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 75, 75)).isEqualTo(0x0000FF);
        assertThat(rgb(img, 75, 25)).isEqualTo(0xFFFFFF);
        assertThat(rgb(img, 25, 75)).isEqualTo(0xFFFFFF);
    }

    private static boolean blank(MockHttpServletResponse r) throws Exception {
        BufferedImage img = image(r);
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if (rgb(img, x, y) != 0xFFFFFF) return false;
        return true;
    }

    @Test
    void wms13ReadsEpsg4326And4490BoxesLatitudeFirst() throws Exception {
        assertQuarters(map("1.3.0", "EPSG:4326", "29.2,121.5,29.7,122.0"));
        assertQuarters(map("1.3.0", "EPSG:4490", "29.2,121.5,29.7,122.0"));
        assertQuarters(map("1.3.0", "CRS:84", "121.5,29.2,122.0,29.7"));
    }

    @Test
    void wms111ReadsEverySrsLongitudeFirst() throws Exception {
        assertQuarters(map("1.1.1", "EPSG:4326", "121.5,29.2,122.0,29.7"));
        assertQuarters(map("1.1.1", "EPSG:4490", "121.5,29.2,122.0,29.7"));
    }

    @Test
    void aBoxInTheWrongAxisOrderGivesTheEmptyArea() throws Exception {
        MockHttpServletResponse lonFirstIn13 = map("1.3.0", "EPSG:4326", "121.5,29.2,122.0,29.7");
        assertThat(lonFirstIn13.getStatus()).isEqualTo(200);
        assertThat(blank(lonFirstIn13)).isTrue();
        assertThat(blank(map("1.1.1", "EPSG:4326", "29.2,121.5,29.7,122.0"))).isTrue();
        assertThat(blank(map("1.3.0", "EPSG:4490", "121.5,29.2,122.0,29.7"))).isTrue();
    }

    @Test
    void gaussKrugerZonesAreNorthingFirstIn13AndEastingFirstIn111() throws Exception {
        // The test view in EPSG:4549 (CGCS2000 3° GK, CM 120° E), from the EPSG-based reprojector.
        var crs = org.tidemark.core.crs.Crs.epsg(4549);
        var lonLat = org.tidemark.core.crs.Crs.epsg(4490);
        double[] a = org.tidemark.core.crs.Reprojector.transform(121.55, 29.25, lonLat, crs);
        double[] b = org.tidemark.core.crs.Reprojector.transform(121.7, 29.4, lonLat, crs);
        String en = a[0] + "," + a[1] + "," + b[0] + "," + b[1];
        String ne = a[1] + "," + a[0] + "," + b[1] + "," + b[0];
        // The window lies inside the risk-3 zone's west half and south of it: its north part must be red.
        BufferedImage in13 = image(map("1.3.0", "EPSG:4549", ne));
        BufferedImage in111 = image(map("1.1.1", "EPSG:4549", en));
        assertThat(rgb(in13, 10, 10)).isEqualTo(rgb(in111, 10, 10));
        assertThat(blank(map("1.3.0", "EPSG:4549", en))).isTrue();
        for (String code : new String[] {"EPSG:4550", "EPSG:4528", "EPSG:4529"}) {
            assertThat(map("1.3.0", code, ne).getStatus()).as(code).isEqualTo(200);
        }
    }

    @Test
    void rendersInWebMercator() throws Exception {
        var merc = org.tidemark.core.render.MapProjection.webMercator();
        double[] sw = merc.forward(121.5, 29.2);
        double[] ne = merc.forward(122.0, 29.7);
        String bbox = sw[0] + "," + sw[1] + "," + ne[0] + "," + ne[1];
        assertQuarters(map("1.3.0", "EPSG:3857", bbox));
        assertQuarters(map("1.1.1", "EPSG:900913", bbox));
    }

    @Test
    void drawsSeveralLayersBottomUpWithTheirDefaultStyles() throws Exception {
        MockHttpServletResponse r = wms(mvc, "SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", "1.3.0", "LAYERS", "flood_zones,gauges",
                "STYLES", ",", "CRS", "CRS:84", "BBOX", "121.5,29.2,122.0,29.7", "WIDTH", "100", "HEIGHT", "100", "FORMAT", "image/png");
        BufferedImage img = image(r);
        int zone = img.getRGB(25, 25);
        assertThat((zone >> 16 & 0xFF) - (zone >> 8 & 0xFF)).as("risk 3 is red").isGreaterThan(80);
        int low = img.getRGB(80, 60);
        assertThat((low >> 16 & 0xFF)).as("risk 1 is yellow").isGreaterThan(200);
        assertThat(low & 0xFF).isLessThan(200);
        int danger = img.getRGB(60, 20);
        assertThat(danger & 0xFFFFFF).as("danger gauge on top, red").isEqualTo(0xE03131);
        int normal = img.getRGB(90, 90);
        assertThat(normal & 0xFFFFFF).as("normal gauge green").isEqualTo(0x2F9E44);
    }

    @Test
    void transparentBackgroundsAndBgcolor() throws Exception {
        BufferedImage t = image(map("1.3.0", "CRS:84", "121.5,29.2,122.0,29.7", "TRANSPARENT", "TRUE"));
        assertThat(alpha(t, 75, 25)).isZero();
        assertThat(alpha(t, 25, 25)).isEqualTo(255);
        BufferedImage bg = image(map("1.3.0", "CRS:84", "121.5,29.2,122.0,29.7", "BGCOLOR", "0x00FF00"));
        assertThat(rgb(bg, 75, 25)).isEqualTo(0x00FF00);
    }

    @Test
    void encodesPalettedPngAndJpeg() throws Exception {
        MockHttpServletResponse p8 = map("1.3.0", "CRS:84", "121.5,29.2,122.0,29.7", "FORMAT", "image/png; mode=8bit");
        assertThat(p8.getContentType()).isEqualTo("image/png");
        BufferedImage img8 = image(p8);
        assertThat(img8.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertThat(rgb(img8, 25, 25)).isEqualTo(0xFF0000);
        MockHttpServletResponse jpg = map("1.3.0", "CRS:84", "121.5,29.2,122.0,29.7", "FORMAT", "image/jpeg");
        assertThat(jpg.getContentType()).isEqualTo("image/jpeg");
        int c = image(jpg).getRGB(25, 25);
        assertThat(c >> 16 & 0xFF).isGreaterThan(230);
        assertThat(c >> 8 & 0xFF).isLessThan(30);
    }

    @Test
    void paletteQuantizerKeepsManyColoursClose() {
        BufferedImage src = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) src.setRGB(x, y, 0xFF000000 | (x * 4) << 16 | (y * 4) << 8 | 128);
        BufferedImage out = ImageEncoder.PaletteQuantizer.toIndexed(src);
        int worst = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int a = src.getRGB(x, y);
                int b = out.getRGB(x, y);
                worst = Math.max(worst, Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)));
            }
        }
        assertThat(worst).isLessThan(40);
    }

    @Test
    void namedStylesAndTheStylesParameter() throws Exception {
        MockHttpServletResponse r = wms(mvc, "SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", "1.3.0", "LAYERS", "flood_zones",
                "STYLES", "flood_risk", "CRS", "CRS:84", "BBOX", "121.5,29.2,122.0,29.7", "WIDTH", "10", "HEIGHT", "10", "FORMAT", "image/png");
        assertThat(r.getStatus()).isEqualTo(200);
    }

    @Test
    void appliesTheTimeDimension() throws Exception {
        String[] base = {"SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", "1.3.0", "LAYERS", "gauges", "STYLES", "", "CRS", "CRS:84",
            "BBOX", "121.5,29.2,122.0,29.7", "WIDTH", "100", "HEIGHT", "100", "FORMAT", "image/png"};
        BufferedImage all = image(wms(mvc, base));
        assertThat(rgb(all, 60, 20)).isEqualTo(0xE03131);
        assertThat(rgb(all, 90, 90)).isEqualTo(0x2F9E44);
        String[] day2 = java.util.Arrays.copyOf(base, base.length + 2);
        day2[base.length] = "TIME";
        day2[base.length + 1] = "2026-07-02";
        BufferedImage second = image(wms(mvc, day2));
        assertThat(rgb(second, 60, 20)).isEqualTo(0xFFFFFF);
        assertThat(rgb(second, 90, 90)).isEqualTo(0x2F9E44);
        day2[base.length + 1] = "2026-06-30T00:00:00Z/2026-07-01T12:00:00Z";
        BufferedImage first = image(wms(mvc, day2));
        assertThat(rgb(first, 60, 20)).isEqualTo(0xE03131);
        assertThat(rgb(first, 90, 90)).isEqualTo(0xFFFFFF);
    }

    @Test
    void accessGateHidesLayersFiltersRowsAndClipsToTheSpatialLimit() throws Exception {
        String[] cams = {"SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", "1.3.0", "LAYERS", "police_cameras", "STYLES", "",
            "CRS", "CRS:84", "BBOX", "121.5,29.2,122.0,29.7", "WIDTH", "100", "HEIGHT", "100", "FORMAT", "image/png"};
        MockHttpServletResponse anonymous = wms(mvc, cams);
        assertThat(anonymous.getStatus()).isEqualTo(404);
        assertThat(anonymous.getContentAsString()).contains("LayerNotDefined");
        assertThat(call(mvc, "/wms", WmsFixtures.OFFICER, cams).getStatus()).isEqualTo(200);

        String[] zones = {"SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", "1.3.0", "LAYERS", "flood_zones", "STYLES", "",
            "CRS", "CRS:84", "BBOX", "121.5,29.2,122.0,29.7", "WIDTH", "100", "HEIGHT", "100", "FORMAT", "image/png", "SLD_BODY", RED_BLUE_SLD};
        BufferedImage planner = image(call(mvc, "/wms", WmsFixtures.PLANNER, zones));
        assertThat(rgb(planner, 25, 25)).isEqualTo(0xFF0000);
        assertThat(rgb(planner, 75, 75)).as("risk 1 filtered out by the row filter").isEqualTo(0xFFFFFF);
        // The risk-3 zone reaches 121.85 E (column 70); the planner's spatial limit ends at 121.8 (column 60).
        assertThat(rgb(planner, 65, 25)).as("clipped at the spatial limit").isEqualTo(0xFFFFFF);
        BufferedImage officer = image(call(mvc, "/wms", WmsFixtures.OFFICER, zones));
        assertThat(rgb(officer, 65, 25)).isEqualTo(0xFF0000);
        assertThat(rgb(officer, 75, 75)).isEqualTo(0x0000FF);
    }
}
