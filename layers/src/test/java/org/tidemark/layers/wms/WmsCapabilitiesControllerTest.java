package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.layers.wms.WmsTestSupport.call;
import static org.tidemark.layers.wms.WmsTestSupport.wms;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class WmsCapabilitiesControllerTest {
    private final MockMvc mvc = WmsFixtures.mvc();

    private static Document parse(MockHttpServletResponse r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.getContentAsByteArray()));
    }

    private static String xpath(Document d, String expr) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expr, d);
    }

    @Test
    void wms13ListsLayersByDepartmentWithChineseTitlesByDefault() throws Exception {
        MockHttpServletResponse r = wms(mvc, "SERVICE", "WMS", "REQUEST", "GetCapabilities");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/xml");
        Document d = parse(r);
        assertThat(xpath(d, "/WMS_Capabilities/@version")).isEqualTo("1.3.0");
        assertThat(xpath(d, "//Service/MaxWidth")).isEqualTo("4096");
        assertThat(xpath(d, "//Layer[Title='应急管理局']/Layer/Name")).isEqualTo("flood_zones");
        assertThat(xpath(d, "//Layer[Name='flood_zones']/Title")).isEqualTo("洪水风险区");
        assertThat(xpath(d, "//Layer[Name='flood_zones']/@queryable")).isEqualTo("1");
        assertThat(xpath(d, "//Layer[Title='水利局']/Layer/Name")).isEqualTo("gauges");
        assertThat(xpath(d, "count(//Layer[Name='police_cameras'])")).as("hidden from anonymous").isEqualTo("0");
        assertThat(xpath(d, "//GetMap/Format[2]")).isEqualTo("image/png; mode=8bit");
        assertThat(xpath(d, "count(//GetFeatureInfo/Format)")).isEqualTo("5");
        assertThat(xpath(d, "count(/WMS_Capabilities/Capability/Layer/CRS)")).isEqualTo("8");
    }

    @Test
    void boundingBoxesFollowEachCrsAxisOrder() throws Exception {
        Document d = parse(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.3.0"));
        String layer = "//Layer[Name='flood_zones']";
        assertThat(xpath(d, layer + "/EX_GeographicBoundingBox/westBoundLongitude")).isEqualTo("121.5");
        assertThat(xpath(d, layer + "/EX_GeographicBoundingBox/northBoundLatitude")).isEqualTo("29.7");
        assertThat(xpath(d, layer + "/BoundingBox[@CRS='EPSG:4326']/@minx")).isEqualTo("29.2");
        assertThat(xpath(d, layer + "/BoundingBox[@CRS='EPSG:4326']/@miny")).isEqualTo("121.5");
        assertThat(xpath(d, layer + "/BoundingBox[@CRS='EPSG:4490']/@maxx")).isEqualTo("29.7");
        assertThat(xpath(d, layer + "/BoundingBox[@CRS='CRS:84']/@minx")).isEqualTo("121.5");
        double gkMinx = Double.parseDouble(xpath(d, layer + "/BoundingBox[@CRS='EPSG:4549']/@minx"));
        double gkMiny = Double.parseDouble(xpath(d, layer + "/BoundingBox[@CRS='EPSG:4549']/@miny"));
        assertThat(gkMinx).as("northing first").isBetween(3_200_000.0, 3_300_000.0);
        assertThat(gkMiny).as("easting second").isBetween(600_000.0, 700_000.0);
        double mercMinx = Double.parseDouble(xpath(d, layer + "/BoundingBox[@CRS='EPSG:3857']/@minx"));
        assertThat(mercMinx).isBetween(13_520_000.0, 13_540_000.0);

        Document v111 = parse(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.1.1"));
        assertThat(xpath(v111, "/WMT_MS_Capabilities/@version")).isEqualTo("1.1.1");
        assertThat(xpath(v111, layer + "/LatLonBoundingBox/@minx")).isEqualTo("121.5");
        assertThat(xpath(v111, layer + "/BoundingBox[@SRS='EPSG:4326']/@minx")).isEqualTo("121.5");
        assertThat(xpath(v111, layer + "/BoundingBox[@SRS='EPSG:4549']/@minx")).startsWith("6");
    }

    @Test
    void languageParameterAndAcceptLanguagePickTitles() throws Exception {
        Document en = parse(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetCapabilities", "LANGUAGE", "en"));
        assertThat(xpath(en, "//Layer[Name='flood_zones']/Title")).isEqualTo("Flood zones");
        assertThat(xpath(en, "//Layer[Layer/Name='flood_zones']/Title")).isEqualTo("Emergency Management Bureau");
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get("/wms").param("SERVICE", "WMS")
                .param("REQUEST", "GetCapabilities").header("Accept-Language", "en-US,en;q=0.8")).andReturn().getResponse();
        assertThat(xpath(parse(r), "//Layer[Name='gauges']/Title")).isEqualTo("Live gauges");
        MockHttpServletResponse zh = mvc.perform(MockMvcRequestBuilders.get("/wms").param("SERVICE", "WMS")
                .param("REQUEST", "GetCapabilities").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")).andReturn().getResponse();
        assertThat(xpath(parse(zh), "//Layer[Name='gauges']/Title")).isEqualTo("实时水雨情站点");
    }

    @Test
    void aSourceWithMoreHistoryThanItsFeaturesShowAdvertisesTheWholeHistory() throws Exception {
        org.tidemark.core.source.memory.MemoryLayerCatalog c = WmsFixtures.catalog();
        org.tidemark.core.catalog.Layer gauges = c.layers().stream().filter(l -> l.name().equals("gauges")).findFirst().orElseThrow();
        java.util.List<org.tidemark.core.feature.Feature> latest = new java.util.ArrayList<>();
        try (var cur = c.source("gauges").orElseThrow().query(org.tidemark.core.query.FeatureQuery.all("gauges"))) {
            cur.forEachRemaining(latest::add);
        }
        c.add(gauges, new org.tidemark.core.source.memory.MemoryFeatureSource(WmsFixtures.GAUGES, latest) {
            @Override
            public java.time.Instant historyStart() { return java.time.Instant.parse("2026-06-24T08:00:00Z"); }
        });
        MockMvc withHistory = org.springframework.test.web.servlet.setup.MockMvcBuilders.standaloneSetup(
                WmsModule.create(c, WmsFixtures.POLICY, WmsSettings.defaults())).build();
        Document d = parse(wms(withHistory, "SERVICE", "WMS", "REQUEST", "GetCapabilities"));
        assertThat(xpath(d, "//Layer[Name='gauges']/Dimension")).isEqualTo("2026-06-24T08:00:00Z/2026-07-02T08:00:00Z/PT1S");
    }

    @Test
    void stylesCarryLegendUrlsAndTimeLayersADimension() throws Exception {
        Document d = parse(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetCapabilities"));
        assertThat(xpath(d, "//Layer[Name='flood_zones']/Style[1]/Name")).isEqualTo("flood_risk");
        String legend = xpath(d, "//Layer[Name='flood_zones']/Style[1]/LegendURL/OnlineResource/@href");
        assertThat(legend).startsWith("http://localhost/wms?").contains("REQUEST=GetLegendGraphic").contains("LAYER=flood_zones");
        assertThat(xpath(d, "//Layer[Name='gauges']/Dimension/@name")).isEqualTo("time");
        assertThat(xpath(d, "//Layer[Name='gauges']/Dimension")).isEqualTo("2026-07-01T08:00:00Z/2026-07-02T08:00:00Z/PT1S");
        assertThat(xpath(d, "count(//Layer[Name='flood_zones']/Dimension)")).isEqualTo("0");
        Document v111 = parse(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.1.1"));
        assertThat(xpath(v111, "//Layer[Name='gauges']/Extent[@name='time']/@default")).isEqualTo("current");
    }

    @Test
    void principalsSeeTheirDepartmentsLayers() throws Exception {
        Document d = parse(call(mvc, "/wms", WmsFixtures.OFFICER, "SERVICE", "WMS", "REQUEST", "GetCapabilities"));
        assertThat(xpath(d, "//Layer[Title='公安局']/Layer/Name")).isEqualTo("police_cameras");
        // The planner's spatial limit narrows the advertised box.
        Document p = parse(call(mvc, "/wms", WmsFixtures.PLANNER, "SERVICE", "WMS", "REQUEST", "GetCapabilities"));
        assertThat(xpath(p, "//Layer[Name='flood_zones']/EX_GeographicBoundingBox/eastBoundLongitude")).isEqualTo("121.8");
    }
}
