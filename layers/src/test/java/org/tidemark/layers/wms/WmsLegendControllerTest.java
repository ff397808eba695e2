package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.layers.wms.WmsTestSupport.image;
import static org.tidemark.layers.wms.WmsTestSupport.wms;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

class WmsLegendControllerTest {
    private final MockMvc mvc = WmsFixtures.mvc();

    @Test
    void drawsOneRowPerRuleWithChineseTitles() throws Exception {
        MockHttpServletResponse r = wms(mvc, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "gauges", "FORMAT", "image/png");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("image/png");
        BufferedImage img = image(r);
        assertThat(img.getHeight()).as("normal, warning, danger, no data").isEqualTo(4 * 20);
        assertThat(img.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0x2F9E44);
        assertThat(img.getRGB(10, 50) & 0xFFFFFF).isEqualTo(0xE03131);
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 24; x < img.getWidth(); x++) if ((img.getRGB(x, y) >>> 24) > 200 && (img.getRGB(x, y) & 0xFF) < 80) dark++;
        assertThat(dark).as("title glyphs").isGreaterThan(100);
        BufferedImage en = image(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "gauges", "FORMAT", "image/png", "LANGUAGE", "en"));
        assertThat(en.getWidth()).isNotEqualTo(img.getWidth());
    }

    @Test
    void singleRuleAndErrors() throws Exception {
        BufferedImage icon = image(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "flood_zones", "RULE", "risk3",
                "WIDTH", "30", "HEIGHT", "15", "FORMAT", "image/png"));
        assertThat(icon.getWidth()).isEqualTo(30);
        int c = icon.getRGB(15, 7);
        assertThat((c >> 16 & 0xFF) - (c >> 8 & 0xFF)).isGreaterThan(80);
        assertThat(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "police_cameras").getStatus()).isEqualTo(404);
        assertThat(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "gauges", "STYLE", "x").getContentAsString())
                .contains("StyleNotDefined");
        assertThat(wms(mvc, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "gauges", "RULE", "x").getStatus()).isEqualTo(400);
    }
}
