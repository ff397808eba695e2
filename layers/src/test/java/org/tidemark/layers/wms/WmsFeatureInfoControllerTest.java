package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.layers.wms.WmsTestSupport.call;
import static org.tidemark.layers.wms.WmsTestSupport.wms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tidemark.core.access.Principal;

class WmsFeatureInfoControllerTest {
    private final MockMvc mvc = WmsFixtures.mvc();

    private MockHttpServletResponse info(Principal who, String... overrides) throws Exception {
        Map<String, String> p = WmsTestSupport.ordered("SERVICE", "WMS", "REQUEST", "GetFeatureInfo", "VERSION", "1.3.0",
                "LAYERS", "flood_zones,gauges", "QUERY_LAYERS", "flood_zones,gauges", "STYLES", ",", "CRS", "EPSG:4326",
                "BBOX", "29.2,121.5,29.7,122.0", "WIDTH", "100", "HEIGHT", "100", "INFO_FORMAT", "text/plain");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) p.remove(overrides[i]);
            else p.put(overrides[i], overrides[i + 1]);
        }
        return call(mvc, "/wms", who, p.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
    }

    @Test
    void plainTextListsTheFeaturesUnderThePixel() throws Exception {
        MockHttpServletResponse r = info(null, "I", "20", "J", "30");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(r.getContentAsString()).contains("flood_zones").contains("risk_class = 3").contains("scenario = 百年一遇")
                .doesNotContain("gauges'");
    }

    @Test
    void pointsAreHitWithinThePixelTolerance() throws Exception {
        // The danger gauge sits at pixel (60, 20); a click 3 px away still finds it, 9 px away does not.
        assertThat(info(null, "I", "63", "J", "22").getContentAsString()).contains("STNM = 石浦潮位站");
        assertThat(info(null, "I", "69", "J", "20", "QUERY_LAYERS", "gauges").getContentAsString()).contains("no features");
    }

    @Test
    void wms111UsesXAndY() throws Exception {
        MockHttpServletResponse r = info(null, "VERSION", "1.1.1", "CRS", null, "SRS", "EPSG:4326",
                "BBOX", "121.5,29.2,122.0,29.7", "X", "60", "Y", "20", "QUERY_LAYERS", "gauges");
        assertThat(r.getContentAsString()).contains("STCD = 70100001");
    }

    @Test
    void htmlShowsChineseAttributeTitlesAndEscapes() throws Exception {
        MockHttpServletResponse r = info(null, "I", "20", "J", "30", "INFO_FORMAT", "text/html");
        assertThat(r.getContentType()).isEqualTo("text/html;charset=UTF-8");
        String html = r.getContentAsString();
        assertThat(html).contains("<meta charset=\"UTF-8\">").contains("<caption>洪水风险区</caption>").contains(">风险等级</th>")
                .contains("<td>百年一遇</td>");
        assertThat(info(null, "I", "20", "J", "30", "INFO_FORMAT", "text/html", "LANGUAGE", "en").getContentAsString())
                .contains(">Risk class</th>");
    }

    @Test
    void jsonIsAGeoJsonFeatureCollection() throws Exception {
        MockHttpServletResponse r = info(null, "I", "60", "J", "20", "INFO_FORMAT", "application/json");
        assertThat(r.getContentType()).isEqualTo("application/json;charset=UTF-8");
        String json = r.getContentAsString();
        assertThat(json).startsWith("{\"type\":\"FeatureCollection\"")
                .contains("\"id\":\"G1\"").contains("\"layer\":\"gauges\"")
                .contains("\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.8025,29.5975]}")
                .contains("\"STNM\":\"石浦潮位站\"").contains("\"risk_class\":3");
    }

    @Test
    void gmlFormats() throws Exception {
        String gml2 = info(null, "I", "60", "J", "20", "INFO_FORMAT", "application/vnd.ogc.gml").getContentAsString();
        assertThat(gml2).contains("<gml:featureMember>").contains("gml:coordinates").contains("121.8025,29.5975")
                .contains("<tm:STNM>石浦潮位站</tm:STNM>");
        MockHttpServletResponse xml = info(null, "I", "60", "J", "20", "INFO_FORMAT", "text/xml");
        assertThat(xml.getContentType()).startsWith("text/xml");
        assertThat(xml.getContentAsString()).contains("http://www.opengis.net/gml/3.2").contains("<gml:pos>121.8025 29.5975</gml:pos>")
                .contains("<wfs:member>");
    }

    @Test
    void featureCountLimitsHitsPerLayer() throws Exception {
        // Two gauges lie within 5 px of a click only if they are close; use a coarse map where both are near.
        MockHttpServletResponse one = info(null, "BBOX", "29.0,121.0,30.0,123.0", "WIDTH", "10", "HEIGHT", "5", "I", "8", "J", "2",
                "QUERY_LAYERS", "gauges", "LAYERS", "gauges", "STYLES", "");
        assertThat(one.getContentAsString().split("Results for", -1)).hasSize(2);
        MockHttpServletResponse two = info(null, "BBOX", "29.0,121.0,30.0,123.0", "WIDTH", "10", "HEIGHT", "5", "I", "8", "J", "2",
                "QUERY_LAYERS", "gauges", "LAYERS", "gauges", "STYLES", "", "FEATURE_COUNT", "5");
        assertThat(two.getContentAsString().split("Results for", -1)).hasSize(3);
    }

    @Test
    void accessGateMasksAttributesAndRows() throws Exception {
        String planner = info(WmsFixtures.PLANNER, "I", "20", "J", "30", "QUERY_LAYERS", "flood_zones").getContentAsString();
        assertThat(planner).contains("risk_class = 3").doesNotContain("scenario");
        assertThat(info(WmsFixtures.PLANNER, "I", "80", "J", "80", "QUERY_LAYERS", "flood_zones").getContentAsString())
                .contains("no features");
        MockHttpServletResponse probe = info(WmsFixtures.PLANNER, "I", "20", "J", "30", "QUERY_LAYERS", "flood_zones",
                "CQL_FILTER", "scenario = '百年一遇'");
        assertThat(probe.getStatus()).isEqualTo(400);
        assertThat(probe.getContentAsString()).contains("CQL_FILTER");
    }

    @Test
    void cqlFilterNarrowsTheHits() throws Exception {
        assertThat(info(null, "I", "20", "J", "30", "QUERY_LAYERS", "flood_zones", "LAYERS", "flood_zones", "STYLES", "",
                "CQL_FILTER", "risk_class < 3").getContentAsString()).contains("no features");
        assertThat(info(null, "I", "20", "J", "30", "QUERY_LAYERS", "flood_zones", "LAYERS", "flood_zones", "STYLES", "",
                "CQL_FILTER", "risk_class = 3 AND max_depth_m > 1").getContentAsString()).contains("risk_class = 3");
        assertThat(info(null, "I", "20", "J", "30", "QUERY_LAYERS", "flood_zones", "LAYERS", "flood_zones", "STYLES", "",
                "CQL_FILTER", "risk_class = = 3").getStatus()).isEqualTo(400);
    }
}
