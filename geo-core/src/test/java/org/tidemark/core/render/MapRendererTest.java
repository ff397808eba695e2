package org.tidemark.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.style.Expression;
import org.tidemark.core.style.FeatureTypeStyle;
import org.tidemark.core.style.Fill;
import org.tidemark.core.style.GeometryExpression;
import org.tidemark.core.style.Graphic;
import org.tidemark.core.style.Halo;
import org.tidemark.core.style.LabelPlacement;
import org.tidemark.core.style.Rule;
import org.tidemark.core.style.Stroke;
import org.tidemark.core.style.Style;
import org.tidemark.core.style.Symbolizer;

class MapRendererTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final MapRenderer RENDERER = new MapRenderer(IconLoader.classpath(""));
    static final Color RED = new Color(0xE03131);
    static final Color BLUE = new Color(0x1971C2);

    static Geometry box(double x0, double y0, double x1, double y1) { return GF.toGeometry(new Envelope(x0, x1, y0, y1)); }

    static Geometry point(double x, double y) { return GF.createPoint(new Coordinate(x, y)); }

    static RenderLayer layer(Style style, Feature... fs) {
        return new RenderLayer("t", style, () -> FeatureCursor.of(List.of(fs).iterator()), null);
    }

    static BufferedImage draw(MapView view, RenderLayer... layers) {
        return RENDERER.render(view, List.of(layers), Color.WHITE, false);
    }

    static MapView geographic() { return new MapView(new Envelope(121, 122, 29, 30), 100, 100, MapProjection.geographic()); }

    static int rgb(BufferedImage img, int x, int y) { return img.getRGB(x, y) & 0xFFFFFF; }

    @Test
    void fillsAreasAtTheirPixelsInLonLat() {
        Style s = Style.simple("p", new Symbolizer.Polygon(null, Fill.of(RED), null));
        BufferedImage img = draw(geographic(), layer(s, new Feature("a", box(121.0, 29.5, 121.5, 30.0), Map.of())));
        assertThat(rgb(img, 25, 25)).isEqualTo(0xE03131); // north-west quarter
        assertThat(rgb(img, 75, 75)).isEqualTo(0xFFFFFF);
        assertThat(rgb(img, 75, 25)).isEqualTo(0xFFFFFF);
    }

    @Test
    void projectsToWebMercatorInClosedForm() {
        // The box 121.5..122 E, 29..29.5 N in EPSG:3857, drawn over a view of 121..122 E, 29..30 N.
        MapProjection merc = MapProjection.webMercator();
        double[] sw = {121, 29, 122, 30};
        merc.forward(sw, 2);
        assertThat(sw[0]).isCloseTo(13469658.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(sw[1]).isCloseTo(3375646.0, org.assertj.core.data.Offset.offset(1.0));
        MapView view = new MapView(new Envelope(sw[0], sw[2], sw[1], sw[3]), 100, 100, merc);
        Style s = Style.simple("p", new Symbolizer.Polygon(null, Fill.of(RED), null));
        BufferedImage img = draw(view, layer(s, new Feature("a", box(121.5, 29.0, 122.0, 29.5), Map.of())));
        assertThat(rgb(img, 75, 75)).isEqualTo(0xE03131);
        assertThat(rgb(img, 25, 25)).isEqualTo(0xFFFFFF);
        // Mercator stretches north: latitude 29.5 lies slightly above the middle row.
        int boundary = 0;
        for (int y = 99; y >= 0 && rgb(img, 75, y) == 0xE03131; y--) boundary = y;
        assertThat(boundary).isBetween(49, 51);
        double[] inv = merc.inverse(sw[0], sw[1]);
        assertThat(inv[0]).isCloseTo(121, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(inv[1]).isCloseTo(29, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void drawsWellKnownMarksCentredOnPoints() {
        Style circle = Style.simple("c", new Symbolizer.Point(null, Graphic.mark(new Graphic.Mark("circle", Fill.of(BLUE), null), 20)));
        Style square = Style.simple("s", new Symbolizer.Point(null, Graphic.mark(new Graphic.Mark("square", Fill.of(BLUE), null), 20)));
        Feature f = new Feature("p", point(121.5, 29.5), Map.of());
        BufferedImage c = draw(geographic(), layer(circle, f));
        BufferedImage s = draw(geographic(), layer(square, f));
        assertThat(rgb(c, 50, 50)).isEqualTo(0x1971C2);
        assertThat(rgb(s, 50, 50)).isEqualTo(0x1971C2);
        assertThat(rgb(s, 41, 41)).isEqualTo(0x1971C2); // square corner
        assertThat(rgb(c, 41, 41)).isEqualTo(0xFFFFFF); // outside the circle
        for (String wkn : List.of("triangle", "star", "cross", "x")) {
            Style st = Style.simple(wkn, new Symbolizer.Point(null, Graphic.mark(new Graphic.Mark(wkn, Fill.of(BLUE), null), 20)));
            assertThat(rgb(draw(geographic(), layer(st, f)), 50, 50)).as(wkn).isEqualTo(0x1971C2);
        }
    }

    @Test
    void rotatesGraphicsByAnAttribute() {
        // A thin bar, rotated 90° by the feature's heading, becomes vertical.
        Graphic bar = new Graphic(new Graphic.Mark("cross", Fill.of(BLUE), null), null, 30, 1, Expression.property("heading"), 0, 0);
        Style s = Style.simple("r", new Symbolizer.Point(null, bar));
        BufferedImage img = draw(geographic(), layer(s, new Feature("p", point(121.5, 29.5), Map.of("heading", 45))));
        assertThat(rgb(img, 50, 50)).isEqualTo(0x1971C2);
        assertThat(rgb(img, 50, 38)).isEqualTo(0xFFFFFF); // a plain cross would cover this; the rotated one (an x) does not
        assertThat(rgb(img, 41, 41)).isEqualTo(0x1971C2);
    }

    @Test
    void strokesLinesWithWidthAndDash() {
        Stroke solid = Stroke.of(RED, 4);
        Stroke dashed = new Stroke(RED, 4, 1, List.of(10f, 10f), null, "butt");
        Geometry line = GF.createLineString(new Coordinate[] {new Coordinate(121.0, 29.5), new Coordinate(122.0, 29.5)});
        BufferedImage a = draw(geographic(), layer(Style.simple("l", new Symbolizer.Line(null, solid, 0)), new Feature("l", line, Map.of())));
        BufferedImage b = draw(geographic(), layer(Style.simple("l", new Symbolizer.Line(null, dashed, 0)), new Feature("l", line, Map.of())));
        int solidCount = 0;
        int dashedCount = 0;
        for (int x = 0; x < 100; x++) {
            if (rgb(a, x, 50) == 0xE03131) solidCount++;
            if (rgb(b, x, 50) == 0xE03131) dashedCount++;
        }
        assertThat(solidCount).isGreaterThan(95);
        assertThat(dashedCount).isBetween(40, 60);
    }

    @Test
    void skipsRulesOutsideTheirScaleRange() {
        Rule small = new Rule("near", null, Filter.INCLUDE, false, 0, 10_000, List.of(new Symbolizer.Polygon(null, Fill.of(RED), null)));
        Rule far = new Rule("far", null, Filter.INCLUDE, false, 10_000, Double.POSITIVE_INFINITY,
                List.of(new Symbolizer.Polygon(null, Fill.of(BLUE), null)));
        Style s = new Style("scale", null, List.of(new FeatureTypeStyle("", List.of(small, far))));
        Feature f = new Feature("a", box(121, 29, 122, 30), Map.of());
        // 1° over 100 px is about 1:3,975,000.
        assertThat(geographic().scaleDenominator()).isCloseTo(3_975_696, org.assertj.core.data.Offset.offset(10.0));
        assertThat(rgb(draw(geographic(), layer(s, f)), 50, 50)).isEqualTo(0x1971C2);
    }

    @Test
    void excludeFilterRulesDrawNothingAndElseRulesTakeTheRest() {
        Rule never = new Rule("never", null, Filter.EXCLUDE, false, 0, Double.POSITIVE_INFINITY,
                List.of(new Symbolizer.Polygon(null, Fill.of(RED), null)));
        Rule rest = new Rule("else", null, null, true, 0, Double.POSITIVE_INFINITY, List.of(new Symbolizer.Polygon(null, Fill.of(BLUE), null)));
        Style s = new Style("e", null, List.of(new FeatureTypeStyle("", List.of(never, rest))));
        assertThat(rgb(draw(geographic(), layer(s, new Feature("a", box(121, 29, 122, 30), Map.of()))), 50, 50)).isEqualTo(0x1971C2);
    }

    @Test
    void rulesSelectFeaturesByAttribute() {
        Rule high = new Rule("high", null, new Filter.Comparison("risk_class", ComparisonOperator.EQ, 3L, true), false, 0,
                Double.POSITIVE_INFINITY, List.of(new Symbolizer.Polygon(null, Fill.of(RED), null)));
        Rule other = new Rule("other", null, null, true, 0, Double.POSITIVE_INFINITY, List.of(new Symbolizer.Polygon(null, Fill.of(BLUE), null)));
        Style s = new Style("risk", null, List.of(new FeatureTypeStyle("", List.of(high, other))));
        BufferedImage img = draw(geographic(), layer(s,
                new Feature("a", box(121.0, 29.0, 121.5, 30.0), Map.of("risk_class", 3)),
                new Feature("b", box(121.5, 29.0, 122.0, 30.0), Map.of("risk_class", 1))));
        assertThat(rgb(img, 25, 50)).isEqualTo(0xE03131);
        assertThat(rgb(img, 75, 50)).isEqualTo(0x1971C2);
    }

    @Test
    void chineseLabelsRenderAsGlyphsNotBoxes() {
        String text = "象山港";
        Font font = FontResolver.resolve(new org.tidemark.core.style.Font(List.of("NoSuchFont"), 16, false, false), text);
        assertThat(font.canDisplayUpTo(text)).isEqualTo(-1);
        GlyphVector gv = font.createGlyphVector(new FontRenderContext(null, true, true), text);
        for (int i = 0; i < gv.getNumGlyphs(); i++) assertThat(gv.getGlyphCode(i)).isNotEqualTo(font.getMissingGlyphCode());
        // Distinct characters draw distinct shapes (boxes would all look alike).
        assertThat(gv.getGlyphOutline(0).getBounds2D()).isNotEqualTo(gv.getGlyphOutline(1).getBounds2D());

        Style s = Style.simple("t", new Symbolizer.Text(null, Expression.property("name"),
                new org.tidemark.core.style.Font(List.of(), 16, false, false), Fill.of(Color.BLACK), null, LabelPlacement.POINT_CENTRE, 0));
        BufferedImage img = draw(geographic(), layer(s, new Feature("p", point(121.5, 29.5), Map.of("name", text))));
        int dark = 0;
        for (int y = 35; y < 65; y++) for (int x = 20; x < 80; x++) if (rgb(img, x, y) < 0x404040) dark++;
        assertThat(dark).isGreaterThan(40);
    }

    @Test
    void overlappingLabelsAreDroppedAndHalosDrawn() {
        Style s = Style.simple("t", new Symbolizer.Text(null, Expression.property("name"),
                new org.tidemark.core.style.Font(List.of(), 14, false, false), Fill.of(Color.BLACK), new Halo(3, Fill.of(RED)),
                LabelPlacement.POINT_CENTRE, 0));
        Feature a = new Feature("a", point(121.5, 29.5), Map.of("name", "WWW"));
        Feature b = new Feature("b", point(121.505, 29.5), Map.of("name", "MMM"));
        BufferedImage one = draw(geographic(), layer(s, a));
        BufferedImage two = draw(geographic(), layer(s, a, b));
        int diff = 0;
        int halo = 0;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                if (one.getRGB(x, y) != two.getRGB(x, y)) diff++;
                if (rgb(one, x, y) == 0xE03131) halo++;
            }
        }
        assertThat(diff).isZero();
        assertThat(halo).isGreaterThan(20);
    }

    @Test
    void clipsLayersToTheSpatialLimit() {
        Style s = Style.simple("p", new Symbolizer.Polygon(null, Fill.of(RED), null));
        RenderLayer clipped = new RenderLayer("t", s, () -> FeatureCursor.of(List.of(new Feature("a", box(121, 29, 122, 30), Map.<String, Object>of())).iterator()),
                box(121, 29.5, 121.5, 30));
        BufferedImage img = draw(geographic(), clipped);
        assertThat(rgb(img, 25, 25)).isEqualTo(0xE03131);
        assertThat(rgb(img, 75, 75)).isEqualTo(0xFFFFFF);
    }

    @Test
    void drawsCameraViewConesTowardsTheirHeading() {
        var cone = new GeometryExpression.ViewCone(Expression.property("heading"), Expression.property("fov"), Expression.property("range_m"));
        Style s = Style.simple("cam", new Symbolizer.Polygon(cone, Fill.of(BLUE), null));
        MapView view = new MapView(new Envelope(121.49, 121.51, 29.49, 29.51), 100, 100, MapProjection.geographic());
        // heading 90° = east, 60° wide, 800 m (~0.0083° of longitude at 29.5° N).
        BufferedImage img = draw(view, layer(s, new Feature("c", point(121.5, 29.5), Map.of("heading", 90, "fov", 60, "range_m", 800))));
        assertThat(rgb(img, 70, 50)).isEqualTo(0x1971C2);
        assertThat(rgb(img, 30, 50)).isEqualTo(0xFFFFFF);
        assertThat(rgb(img, 50, 20)).isEqualTo(0xFFFFFF);
    }

    @Test
    void fillsWithHatchGraphics() {
        Graphic hatch = Graphic.mark(new Graphic.Mark("shape://slash", null, Stroke.of(BLUE, 1)), 8);
        Style s = Style.simple("h", new Symbolizer.Polygon(null, new Fill(Color.GRAY, 1, hatch), null));
        BufferedImage img = draw(geographic(), layer(s, new Feature("a", box(121, 29, 122, 30), Map.of())));
        int blue = 0;
        int white = 0;
        for (int x = 0; x < 100; x++) {
            int c = rgb(img, x, 50);
            if (c == 0xFFFFFF) white++;
            else if ((c & 0xFF) > (c >> 16 & 0xFF)) blue++;
        }
        assertThat(blue).isGreaterThan(10);
        assertThat(white).isGreaterThan(40);
    }

    @Test
    void clientStylesCannotAskForHugeSymbolsOrFonts() {
        Graphic huge = Graphic.mark(new Graphic.Mark("circle", Fill.of(BLUE), null), 1e7);
        Style s = new Style("big", null, List.of(new FeatureTypeStyle("", List.of(Rule.always("r", List.of(
                new Symbolizer.Polygon(null, new Fill(Color.GRAY, 1, huge), Stroke.of(RED, 1e6)),
                new Symbolizer.Point(null, huge),
                new Symbolizer.Text(null, Expression.literal("大"), new org.tidemark.core.style.Font(List.of(), 1e6, false, false),
                        null, new Halo(1e6, null), null, 0)))))));
        BufferedImage img = draw(geographic(), layer(s, new Feature("a", box(121.4, 29.4, 121.6, 29.6), Map.of())));
        assertThat(img.getWidth()).isEqualTo(100);
        assertThat(SymbolPainter.basic(Stroke.of(RED, 1e6)).getLineWidth()).isEqualTo((float) SymbolPainter.MAX_STROKE_PX);
        assertThat(FontResolver.resolve(new org.tidemark.core.style.Font(List.of(), 1e6, false, false), "x").getSize2D())
                .isEqualTo((float) FontResolver.MAX_SIZE);
    }
}
