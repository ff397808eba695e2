package org.tidemark.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.style.Expression;
import org.tidemark.core.style.Fill;
import org.tidemark.core.style.Halo;
import org.tidemark.core.style.LabelPlacement;
import org.tidemark.core.style.SldReader;
import org.tidemark.core.style.Stroke;
import org.tidemark.core.style.Style;
import org.tidemark.core.style.Symbolizer;

class LineLabelTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    static final String STREAM = "大嵩江支流";

    static PathLabel label(String text, LabelPlacement placement, double... xy) {
        java.awt.Font font = FontResolver.resolve(new org.tidemark.core.style.Font(List.of("WenQuanYi Zen Hei"), 14, false, false), text);
        return new PathLabel(text, font, Color.BLUE, null, List.of(xy), placement, 0, 0);
    }

    static double[] centre(Rectangle2D r) { return new double[] {r.getCenterX(), r.getCenterY()}; }

    /** A quarter circle of radius 120 around (20, 200), from its top (20, 80) clockwise to (140, 200). */
    static double[] arc() {
        List<Double> xy = new ArrayList<>();
        for (int i = 0; i <= 45; i++) {
            double a = Math.toRadians(90 - 2 * i);
            xy.add(20 + 120 * Math.cos(a));
            xy.add(200 - 120 * Math.sin(a));
        }
        return xy.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void glyphsSitOnACurvedLineEachTurnedToItsDirection() {
        var placements = LineLabelLayout.candidates(label(STREAM, LabelPlacement.LINE, arc()), FRC, 256, 256);
        assertThat(placements).isNotEmpty();
        List<Rectangle2D> boxes = placements.get(0).boxes();
        assertThat(boxes).hasSize(STREAM.length());
        for (Rectangle2D b : boxes) {
            double[] c = centre(b);
            // every glyph centre is on the arc (radius 120 around (20, 200)), within a few pixels
            assertThat(Math.hypot(c[0] - 20, c[1] - 200)).isCloseTo(120, org.assertj.core.data.Offset.offset(4.0));
        }
        // the text runs along the arc, left to right: the first glyph is higher and further left than the last
        double[] first = centre(boxes.get(0));
        double[] last = centre(boxes.get(boxes.size() - 1));
        assertThat(first[0]).isLessThan(last[0]);
        assertThat(first[1]).isLessThan(last[1]);
    }

    @Test
    void textReadsLeftToRightOnALineDrawnRightToLeft() {
        var placements = LineLabelLayout.candidates(label(STREAM, LabelPlacement.LINE, 230, 128, 20, 128), FRC, 256, 256);
        List<Rectangle2D> boxes = placements.get(0).boxes();
        for (int i = 1; i < boxes.size(); i++) assertThat(boxes.get(i).getCenterX()).isGreaterThan(boxes.get(i - 1).getCenterX());
    }

    @Test
    void perpendicularOffsetMovesTheLabelToTheLeftOfTheLinesDirection() {
        double eastward = LineLabelLayout.candidates(label("Road", LabelPlacement.line(12, false, 0, 0, true), 20, 128, 230, 128), FRC, 256, 256)
                .get(0).glyphs().getBounds2D().getCenterY();
        double westward = LineLabelLayout.candidates(label("Road", LabelPlacement.line(12, false, 0, 0, true), 230, 128, 20, 128), FRC, 256, 256)
                .get(0).glyphs().getBounds2D().getCenterY();
        double negative = LineLabelLayout.candidates(label("Road", LabelPlacement.line(-12, false, 0, 0, true), 20, 128, 230, 128), FRC, 256, 256)
                .get(0).glyphs().getBounds2D().getCenterY();
        assertThat(eastward).as("left of an eastward line is north: up").isCloseTo(116, org.assertj.core.data.Offset.offset(3.0));
        assertThat(westward).as("left of a westward line is south: down").isCloseTo(140, org.assertj.core.data.Offset.offset(3.0));
        assertThat(negative).isCloseTo(140, org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void repeatedLabelsAreSpacedByTheGap() {
        var placements = LineLabelLayout.candidates(label("Road", LabelPlacement.line(0, true, 10, 60, true), 0, 128, 256, 128), FRC, 256, 256);
        assertThat(placements.size()).isBetween(2, 4);
        double a = placements.get(0).glyphs().getBounds2D().getCenterX();
        double b = placements.get(1).glyphs().getBounds2D().getCenterX();
        assertThat(b - a).isGreaterThanOrEqualTo(60);
    }

    @Test
    void aLabelIsNotBentAroundASharpCorner() {
        // a V whose arms are each shorter than the label: any placement would have to turn 90° mid-word
        assertThat(LineLabelLayout.candidates(label(STREAM, LabelPlacement.LINE, 60, 60, 100, 100, 140, 60), FRC, 256, 256)).isEmpty();
    }

    @Test
    void unalignedLabelsStayHorizontal() {
        var p = LineLabelLayout.candidates(label("Road", LabelPlacement.line(0, false, 0, 0, false), 20, 20, 230, 230), FRC, 256, 256);
        Rectangle2D box = p.get(0).boxes().get(0);
        assertThat(box.getHeight()).isLessThan(box.getWidth());
        assertThat(box.getCenterX()).isCloseTo(125, org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void sldLinePlacementOptionsAreRead() {
        String sld = """
            <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se"
                xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer><se:Name>streams</se:Name><UserStyle><se:Name>s</se:Name><se:FeatureTypeStyle><se:Rule>
                <se:TextSymbolizer><se:Label><ogc:PropertyName>name</ogc:PropertyName></se:Label>
                  <se:LabelPlacement><se:LinePlacement><se:PerpendicularOffset>-6</se:PerpendicularOffset>
                    <se:IsRepeated>true</se:IsRepeated><se:InitialGap>20</se:InitialGap><se:Gap>150</se:Gap>
                    <se:IsAligned>false</se:IsAligned></se:LinePlacement></se:LabelPlacement>
                </se:TextSymbolizer></se:Rule></se:FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;
        var style = SldReader.read(new java.io.ByteArrayInputStream(sld.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .layers().get(0).styles().get(0);
        var t = (Symbolizer.Text) style.featureTypeStyles().get(0).rules().get(0).symbolizers().get(0);
        assertThat(t.placement()).isEqualTo(LabelPlacement.line(-6, true, 20, 150, false));
    }

    // ---------------------------------------------------------------- golden images

    static Geometry line(double... lonLat) {
        Coordinate[] cs = new Coordinate[lonLat.length / 2];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
        return GF.createLineString(cs);
    }

    static BufferedImage render(MapView view, Style style, Feature... features) {
        RenderLayer layer = new RenderLayer("t", style, () -> FeatureCursor.of(List.of(features).iterator()), null);
        return new MapRenderer(IconLoader.classpath("")).render(view, List.of(layer), Color.WHITE, false);
    }

    static Style streamStyle(LabelPlacement placement) {
        return Style.simple("s", new Symbolizer.Line(null, Stroke.of(new Color(0x74C0FC), 3), 0),
                new Symbolizer.Text(null, Expression.property("name"),
                        new org.tidemark.core.style.Font(List.of("WenQuanYi Zen Hei"), 13, false, false),
                        Fill.of(new Color(0x1971C2)), new Halo(1.5, Fill.of(Color.WHITE)), placement, 0));
    }

    /** A meandering stream over Xiangshan in lon/lat. */
    static final Geometry STREAM_LINE = line(121.60, 29.40, 121.63, 29.43, 121.66, 29.445, 121.70, 29.45, 121.74, 29.44,
            121.77, 29.42, 121.80, 29.41, 121.84, 29.415, 121.87, 29.43);

    @Test
    void chineseStreamNameFollowsTheStreamInWebMercator() {
        MapProjection merc = MapProjection.webMercator();
        double[] a = merc.forward(121.58, 29.33);
        double[] b = merc.forward(121.90, 29.52);
        MapView view = new MapView(new Envelope(a[0], b[0], a[1], b[1]), 256, 160, merc);
        BufferedImage img = render(view, streamStyle(LabelPlacement.LINE), new Feature("s1", STREAM_LINE, Map.of("name", STREAM)));
        GoldenImage.assertMatches(img, "line-label-stream-3857");
        assertThat(countNear(img, 0x1971C2)).as("label glyph pixels").isGreaterThan(10);
    }

    @Test
    void repeatedOffsetRoadNamesInLonLat() {
        MapView view = new MapView(new Envelope(121.58, 121.90, 29.33, 29.52), 256, 160, MapProjection.geographic());
        BufferedImage img = render(view, streamStyle(LabelPlacement.line(8, true, 10, 40, true)),
                new Feature("r1", STREAM_LINE, Map.of("name", "G228国道")));
        GoldenImage.assertMatches(img, "line-label-road-offset-4326");
    }

    static int countNear(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) < 30 && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) < 30
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) < 30) n++;
            }
        }
        return n;
    }
}
