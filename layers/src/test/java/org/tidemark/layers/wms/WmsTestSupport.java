package org.tidemark.layers.wms;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tidemark.core.access.Principal;

/** Request helpers shared by the WMS controller tests. */
final class WmsTestSupport {
    private WmsTestSupport() {}

    /** A GET of {@code path} with alternating name/value parameters. */
    static MockHttpServletResponse call(MockMvc mvc, String path, Principal principal, String... kv) throws Exception {
        MockHttpServletRequestBuilder b = get(path);
        for (int i = 0; i < kv.length; i += 2) b.param(kv[i], kv[i + 1]);
        if (principal != null) b.requestAttr(Principal.class.getName(), principal);
        return mvc.perform(b).andReturn().getResponse();
    }

    static MockHttpServletResponse wms(MockMvc mvc, String... kv) throws Exception { return call(mvc, "/wms", null, kv); }

    static BufferedImage image(MockHttpServletResponse r) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.getContentAsByteArray()));
        if (img == null) throw new AssertionError("not an image: " + r.getContentType() + " " + r.getContentAsString());
        return img;
    }

    /** An ordered parameter map from alternating names and values. */
    static java.util.Map<String, String> ordered(String... kv) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static int rgb(BufferedImage img, int x, int y) { return img.getRGB(x, y) & 0xFFFFFF; }

    static int alpha(BufferedImage img, int x, int y) { return img.getRGB(x, y) >>> 24; }

    /** A solid, unstroked red SLD for flood zones with risk class 3 and blue for the rest. */
    static final String RED_BLUE_SLD = """
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer><Name>flood_zones</Name><UserStyle><Name>rb</Name><FeatureTypeStyle>
                <Rule><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>risk_class</ogc:PropertyName><ogc:Literal>3</ogc:Literal>
                  </ogc:PropertyIsEqualTo></ogc:Filter>
                  <PolygonSymbolizer><Fill><CssParameter name="fill">#FF0000</CssParameter></Fill></PolygonSymbolizer></Rule>
                <Rule><ElseFilter/><PolygonSymbolizer><Fill><CssParameter name="fill">#0000FF</CssParameter></Fill></PolygonSymbolizer></Rule>
              </FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>""";
}
