package org.tidemark.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.style.FeatureTypeStyle;
import org.tidemark.core.style.Fill;
import org.tidemark.core.style.Rule;
import org.tidemark.core.style.Style;
import org.tidemark.core.style.Symbolizer;

class LegendRendererTest {
    private final LegendRenderer legends = new LegendRenderer(IconLoader.classpath(""));

    private static Rule rule(String name, String zh, String en, Color c) {
        return new Rule(name, LocalizedText.of(zh, en), Filter.INCLUDE, false, 0, Double.POSITIVE_INFINITY,
                List.of(new Symbolizer.Polygon(null, Fill.of(c), null)));
    }

    @Test
    void drawsOneRowPerRuleWithItsSymbolAndTitle() {
        List<Rule> rules = List.of(rule("r1", "低风险", "Low", Color.YELLOW), rule("r3", "高风险", "High", Color.RED));
        Style style = new Style("s", null, List.of(new FeatureTypeStyle("", rules)));
        BufferedImage zh = legends.legend(style, rules, GeometryKind.POLYGON, 20, 20, Locale.CHINESE, 12, Color.WHITE, false);
        assertThat(zh.getHeight()).isEqualTo(40);
        assertThat(zh.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xFFFF00);
        assertThat(zh.getRGB(10, 30) & 0xFFFFFF).isEqualTo(0xFF0000);
        int dark = 0;
        for (int y = 0; y < 40; y++) for (int x = 24; x < zh.getWidth(); x++) if ((zh.getRGB(x, y) & 0xFF) < 0x60) dark++;
        assertThat(dark).as("title glyph pixels").isGreaterThan(30);
        BufferedImage en = legends.legend(style, rules, GeometryKind.POLYGON, 20, 20, Locale.ENGLISH, 12, Color.WHITE, false);
        assertThat(en.getWidth()).isNotEqualTo(zh.getWidth());
    }

    @Test
    void drawsASingleRuleIcon() {
        BufferedImage icon = legends.icon(rule("r", "水库", "Reservoir", Color.BLUE), GeometryKind.POLYGON, 16, 12);
        assertThat(icon.getWidth()).isEqualTo(16);
        assertThat(icon.getHeight()).isEqualTo(12);
        assertThat(icon.getRGB(8, 6) & 0xFFFFFF).isEqualTo(0x0000FF);
    }
}
