package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.layers.wms.WmsTestSupport.call;
import static org.tidemark.layers.wms.WmsTestSupport.image;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.Reprojector;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.render.GoldenImage;
import org.tidemark.core.source.memory.MemoryFeatureSource;
import org.tidemark.core.source.memory.MemoryLayerCatalog;

/**
 * Golden images of the bundled default styles of the water bureau's and the emergency bureau's other layers:
 * reservoirs (filled, named), seawalls (dashed crest line, named), low-lying areas (hatched with
 * {@code shape://slash}, named) and streams (width by Strahler order, names along the line) — in Web Mercator
 * and in CGCS2000 Gauss–Krüger EPSG:4549, at a scale (~1:40,000) where every label rule applies.
 */
class WmsWaterStylesGoldenTest {
    private static final FeatureType RESERVOIRS = type("reservoirs", "水库", "Reservoirs", GeometryKind.POLYGON);
    private static final FeatureType SEAWALLS = type("seawalls", "海塘", "Seawalls", GeometryKind.LINESTRING);
    private static final FeatureType LOW_LYING = type("low_lying_areas", "低洼易涝区", "Low-lying areas", GeometryKind.POLYGON);
    private static final FeatureType STREAMS = new FeatureType("streams", LocalizedText.of("河流", "Streams"), null,
            List.of(Attribute.of("name", AttributeType.STRING, "名称", "Name"), Attribute.of("order", AttributeType.INTEGER, "河流等级", "Stream order")),
            "geom", GeometryKind.LINESTRING, 4490, null);
    /** About 2.9 km square near Dancheng. */
    private static final Envelope LON_LAT = new Envelope(121.800, 121.830, 29.500, 29.526);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
            WmsModule.create(catalog(), AccessPolicy.OPEN, WmsSettings.defaults().withCache(0, 1))).build();

    private static FeatureType type(String name, String zh, String en, GeometryKind kind) {
        return new FeatureType(name, LocalizedText.of(zh, en), null, List.of(Attribute.of("name", AttributeType.STRING, "名称", "Name")),
                "geom", kind, 4490, null);
    }

    private static org.locationtech.jts.geom.LineString line(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        return WmsFixtures.GF.createLineString(c);
    }

    static MemoryLayerCatalog catalog() {
        MemoryLayerCatalog c = new MemoryLayerCatalog();
        c.add(new Layer(LOW_LYING, WmsFixtures.EMERGENCY, List.of(), "static", true, false, null), MemoryFeatureSource.of(LOW_LYING,
                WmsFixtures.f("ll1", WmsFixtures.box(121.815, 29.503, 121.828, 29.513), "name", "丹城低洼区")));
        c.add(new Layer(RESERVOIRS, WmsFixtures.WATER, List.of(), "static", true, false, null), MemoryFeatureSource.of(RESERVOIRS,
                WmsFixtures.f("r1", WmsFixtures.box(121.803, 29.503, 121.812, 29.511), "name", "仓岙水库")));
        c.add(new Layer(STREAMS, WmsFixtures.WATER, List.of(), "static", true, false, null), MemoryFeatureSource.of(STREAMS,
                WmsFixtures.f("s1", line(121.800, 29.5150, 121.812, 29.5180, 121.830, 29.5140), "name", "大徐溪", "order", 3),
                WmsFixtures.f("s2", line(121.8075, 29.5000, 121.8080, 29.5030), "name", "小溪", "order", 1)));
        c.add(new Layer(SEAWALLS, WmsFixtures.WATER, List.of(), "static", true, false, null), MemoryFeatureSource.of(SEAWALLS,
                WmsFixtures.f("w1", line(121.800, 29.5225, 121.830, 29.5205), "name", "东海塘")));
        return c;
    }

    private BufferedImage map(String version, String crsParam, String crs, String bbox) throws Exception {
        MockHttpServletResponse r = call(mvc, "/wms", WmsFixtures.OFFICER, "SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", version,
                "LAYERS", "low_lying_areas,reservoirs,streams,seawalls", "STYLES", ",,,", crsParam, crs, "BBOX", bbox,
                "WIDTH", "256", "HEIGHT", "256", "FORMAT", "image/png", "TRANSPARENT", "FALSE", "BGCOLOR", "0xFFFFFF");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return image(r);
    }

    private static String box(Envelope e) { return e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY(); }

    @Test
    void waterAndHazardStylesInWebMercator() throws Exception {
        BufferedImage img = map("1.3.0", "CRS", "EPSG:3857", box(Reprojector.transform(LON_LAT, Crs.epsg(4326), Crs.epsg(3857))));
        assertThat(GoldenImage.differentPixels(img, blank(img))).as("something is drawn").isGreaterThan(256 * 256 / 10);
        GoldenImage.assertMatches(img, "wms-water-styles-3857");
    }

    @Test
    void waterAndHazardStylesInGaussKrugerEpsg4549() throws Exception {
        BufferedImage img = map("1.1.1", "SRS", "EPSG:4549", box(Reprojector.transform(LON_LAT, Crs.epsg(4490), Crs.epsg(4549))));
        GoldenImage.assertMatches(img, "wms-water-styles-4549");
    }

    private static BufferedImage blank(BufferedImage like) {
        BufferedImage b = new BufferedImage(like.getWidth(), like.getHeight(), BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = b.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, b.getWidth(), b.getHeight());
        g.dispose();
        return b;
    }
}
