package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.layers.wms.WmsTestSupport.image;
import static org.tidemark.layers.wms.WmsTestSupport.rgb;
import static org.tidemark.layers.wms.WmsTestSupport.wms;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

class WmsErrorsControllerTest {
    private final MockMvc mvc = WmsFixtures.mvc(new WmsSettings(512, 512, 5, 10, 5, 4096, null, null));

    private MockHttpServletResponse getMap(String... overrides) throws Exception {
        Map<String, String> p = WmsTestSupport.ordered("SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", "1.3.0",
                "LAYERS", "flood_zones", "STYLES", "", "CRS", "EPSG:4326", "BBOX", "29.2,121.5,29.7,122.0", "WIDTH", "100",
                "HEIGHT", "100", "FORMAT", "image/png");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) p.remove(overrides[i]);
            else p.put(overrides[i], overrides[i + 1]);
        }
        return wms(mvc, p.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
    }

    private static void assertReport(MockHttpServletResponse r, int status, String code) throws Exception {
        assertThat(r.getStatus()).isEqualTo(status);
        assertThat(r.getContentType()).startsWith("text/xml");
        assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
        String body = r.getContentAsString();
        assertThat(body).contains("<ServiceExceptionReport").contains("version=\"1.3.0\"")
                .contains("xmlns=\"http://www.opengis.net/ogc\"").contains("code=\"" + code + "\"")
                .doesNotContain("Exception:").doesNotContain("\tat ");
    }

    @Test
    void everyMalformedGetMapGetsAServiceExceptionReport() throws Exception {
        assertReport(getMap("CRS", "EPSG:9999"), 400, "InvalidCRS");
        assertReport(getMap("CRS", "EPSG:abc"), 400, "InvalidCRS");
        assertReport(getMap("LAYERS", "nope"), 404, "LayerNotDefined");
        assertReport(getMap("STYLES", "nope"), 404, "StyleNotDefined");
        assertReport(getMap("STYLES", "a,b"), 404, "StyleNotDefined");
        assertReport(getMap("FORMAT", "image/gif"), 400, "InvalidFormat");
        assertReport(getMap("FORMAT", null), 400, "MissingParameterValue");
        assertReport(getMap("BBOX", "1,2,3"), 400, "InvalidParameterValue");
        assertReport(getMap("BBOX", "29.7,121.5,29.2,122.0"), 400, "InvalidParameterValue");
        assertReport(getMap("BBOX", "a,b,c,d"), 400, "InvalidParameterValue");
        assertReport(getMap("BBOX", "NaN,1,2,3"), 400, "InvalidParameterValue");
        assertReport(getMap("WIDTH", "x"), 400, "InvalidParameterValue");
        assertReport(getMap("WIDTH", "-5"), 400, "InvalidParameterValue");
        assertReport(getMap("BGCOLOR", "red"), 400, "InvalidParameterValue");
        assertReport(getMap("CQL_FILTER", "a;b"), 400, "InvalidParameterValue");
        assertReport(getMap("LAYERS", "flood_zones,flood_zones,flood_zones,flood_zones,flood_zones,flood_zones", "STYLES", null), 400, "InvalidParameterValue");
        assertReport(getMap("REQUEST", "GetCoffee"), 400, "OperationNotSupported");
        assertReport(getMap("REQUEST", null), 400, "MissingParameterValue");
        assertReport(getMap("SERVICE", "WFS"), 400, "InvalidParameterValue");
    }

    /** Every malformed GetMap above, as {@code parameter, value} overrides, with the status it must keep. */
    private static final Object[][] MALFORMED = {
        {"CRS", "EPSG:9999", 400}, {"LAYERS", "nope", 404}, {"STYLES", "nope", 404}, {"FORMAT", "image/gif", 400},
        {"FORMAT", null, 400}, {"BBOX", "1,2,3", 400}, {"BBOX", "29.7,121.5,29.2,122.0", 400}, {"BBOX", "NaN,1,2,3", 400},
        {"WIDTH", "x", 400}, {"WIDTH", "-5", 400}, {"WIDTH", "513", 400}, {"BGCOLOR", "red", 400}, {"CQL_FILTER", "a;b", 400},
        {"TIME", "2026-13-45", 400}, {"SLD_BODY", "<StyledLayerDescriptor", 400},
    };

    @Test
    void everyMalformedGetMapAnswersWithAnImageWhenAskedInImageOrBlank() throws Exception {
        for (String exceptions : new String[] {"INIMAGE", "BLANK", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank"}) {
            for (Object[] c : MALFORMED) {
                String layers = c[0].equals("TIME") ? "gauges" : "flood_zones";
                MockHttpServletResponse r = getMap("LAYERS", layers, (String) c[0], (String) c[1], "EXCEPTIONS", exceptions,
                        "WIDTH", c[0].equals("WIDTH") ? (String) c[1] : "120", "HEIGHT", "60");
                String what = exceptions + " " + c[0] + "=" + c[1];
                assertThat(r.getStatus()).as(what).isEqualTo((int) c[2]);
                assertThat(r.getContentType()).as(what).isEqualTo("image/png");
                assertThat(r.getHeader("Cache-Control")).as(what).isEqualTo("no-store");
                BufferedImage img = image(r);
                assertThat(img).as(what).isNotNull();
                // the requested size when it is valid, else the default (256) for the unusable one
                assertThat(img.getHeight()).as(what).isEqualTo(60);
                assertThat(img.getWidth()).as(what).isEqualTo(c[0].equals("WIDTH") ? 256 : 120);
                boolean anyInk = false;
                for (int y = 0; y < img.getHeight() && !anyInk; y++) {
                    for (int x = 0; x < img.getWidth(); x++) if (rgb(img, x, y) != 0xFFFFFF) anyInk = true;
                }
                assertThat(anyInk).as(what + ": INIMAGE draws the message, BLANK nothing").isEqualTo(exceptions.toUpperCase().contains("INIMAGE"));
            }
        }
    }

    @Test
    void timeOnALayerWithoutTimeIsIgnoredAndInvalidTimeIsReported() throws Exception {
        assertThat(getMap("TIME", "2026-07-01").getStatus()).isEqualTo(200);
        MockHttpServletResponse r = getMap("LAYERS", "gauges", "TIME", "2026-13-45");
        assertReport(r, 400, "InvalidDimensionValue");
    }

    @Test
    void sizeLimitIsConfigurableAndExplained() throws Exception {
        MockHttpServletResponse r = getMap("WIDTH", "513");
        assertReport(r, 400, "InvalidParameterValue");
        assertThat(r.getContentAsString()).contains("locator=\"WIDTH\"").contains("512x512");
        assertThat(getMap("WIDTH", "512", "HEIGHT", "512").getStatus()).isEqualTo(200);
    }

    @Test
    void wms111UsesInvalidSrsAndItsOwnContentType() throws Exception {
        MockHttpServletResponse r = getMap("VERSION", "1.1.1", "CRS", null, "SRS", "EPSG:1");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/vnd.ogc.se_xml");
        assertThat(r.getContentAsString()).contains("code=\"InvalidSRS\"").contains("version=\"1.1.1\"");
    }

    @Test
    void inImageDrawsTheMessageAndBlankDrawsNothing() throws Exception {
        MockHttpServletResponse in = getMap("LAYERS", "nope", "EXCEPTIONS", "INIMAGE", "WIDTH", "200", "HEIGHT", "50");
        assertThat(in.getStatus()).isEqualTo(404);
        assertThat(in.getContentType()).isEqualTo("image/png");
        BufferedImage img = image(in);
        assertThat(img.getWidth()).isEqualTo(200);
        int red = 0;
        for (int y = 0; y < 50; y++) for (int x = 0; x < 200; x++) if ((img.getRGB(x, y) >> 16 & 0xFF) > 150 && (img.getRGB(x, y) & 0xFF) < 100) red++;
        assertThat(red).as("message pixels").isGreaterThan(20);

        MockHttpServletResponse blank = getMap("CRS", "EPSG:9999", "EXCEPTIONS", "application/vnd.ogc.se_blank", "FORMAT", "image/jpeg",
                "BGCOLOR", "0x336699");
        assertThat(blank.getContentType()).isEqualTo("image/jpeg");
        BufferedImage b = image(blank);
        assertThat(Math.abs((rgb(b, 50, 50) & 0xFF) - 0x99)).isLessThan(6);
    }

    @Test
    void sldBodyErrorsAndXxeAreRejectedAsInvalidParameters() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<StyledLayerDescriptor><NamedLayer><Name>&e;</Name></NamedLayer></StyledLayerDescriptor>";
        MockHttpServletResponse r = getMap("SLD_BODY", xxe);
        assertReport(r, 400, "InvalidParameterValue");
        assertThat(r.getContentAsString()).doesNotContain("root:");
        assertReport(getMap("SLD_BODY", "<StyledLayerDescriptor>" + "x".repeat(5000) + "</StyledLayerDescriptor>"), 400, "InvalidParameterValue");
        assertReport(getMap("SLD", "http://example.com/style.sld"), 400, "OperationNotSupported");
    }

    @Test
    void featureInfoOutsideTheImageIsAnInvalidPoint() throws Exception {
        MockHttpServletResponse r = getMap("REQUEST", "GetFeatureInfo", "QUERY_LAYERS", "flood_zones", "I", "100", "J", "5",
                "INFO_FORMAT", "text/plain");
        assertReport(r, 400, "InvalidPoint");
        assertReport(getMap("REQUEST", "GetFeatureInfo", "QUERY_LAYERS", "flood_zones", "I", "x", "J", "5"), 400, "InvalidPoint");
        assertReport(getMap("REQUEST", "GetFeatureInfo", "QUERY_LAYERS", "gauges", "I", "1", "J", "5"), 404, "LayerNotDefined");
        assertReport(getMap("REQUEST", "GetFeatureInfo", "QUERY_LAYERS", "flood_zones", "I", "1", "J", "5", "INFO_FORMAT", "image/png"),
                400, "InvalidFormat");
    }

    @Test
    void theOwsEndpointServesWms() throws Exception {
        MockHttpServletResponse r = WmsTestSupport.call(mvc, "/ows", null, "SERVICE", "WMS", "REQUEST", "GetCapabilities");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString()).contains("<WMS_Capabilities");
        MockHttpServletResponse lower = WmsTestSupport.call(mvc, "/ows", null, "service", "WMS", "request", "GetCapabilities", "version", "1.1.1");
        assertThat(lower.getContentAsString()).contains("<WMT_MS_Capabilities");
    }
}
