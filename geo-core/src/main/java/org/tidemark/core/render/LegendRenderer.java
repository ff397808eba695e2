package org.tidemark.core.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.style.Rule;
import org.tidemark.core.style.Style;
import org.tidemark.core.style.Symbolizer;

/**
 * Draws legend graphics (WMS SLD profile GetLegendGraphic, OGC 05-078r4 §10.2): for each rule an icon
 * of {@code iconWidth × iconHeight} pixels showing its symbolizers on a sample shape matching the layer's
 * geometry, followed by the rule title in the requested language (CJK font for Chinese).
 */
public final class LegendRenderer {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final int GAP = 4;
    private final MapRenderer renderer;

    public LegendRenderer(IconLoader icons) { this.renderer = new MapRenderer(icons); }

    /** One icon for one rule, no label (GetLegendGraphic with {@code RULE}). */
    public BufferedImage icon(Rule rule, GeometryKind kind, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            drawIcon(g, rule, kind, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** All rules of a style, one row each: icon then title. */
    public BufferedImage legend(Style style, List<Rule> rules, GeometryKind kind, int iconWidth, int iconHeight,
                                Locale locale, double fontSize, Color background, boolean transparent) {
        org.tidemark.core.style.Font fontStyle = new org.tidemark.core.style.Font(List.of(), fontSize, false, false);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D pg = probe.createGraphics();
        MapRenderer.hints(pg);
        FontRenderContext frc = pg.getFontRenderContext();
        List<String> titles = new ArrayList<>();
        int textWidth = 0;
        for (Rule r : rules) {
            String t = r.title().in(locale);
            titles.add(t);
            if (!t.isEmpty()) textWidth = Math.max(textWidth, (int) Math.ceil(FontResolver.resolve(fontStyle, t).getStringBounds(t, frc).getWidth()));
        }
        pg.dispose();
        int rowHeight = Math.max(iconHeight, (int) Math.ceil(fontSize * 1.3));
        int width = iconWidth + (textWidth > 0 ? GAP + textWidth + GAP : 0);
        int height = Math.max(1, rules.size()) * rowHeight;
        BufferedImage img = new BufferedImage(Math.max(1, width), height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            MapRenderer.hints(g);
            if (!transparent) {
                g.setColor(background);
                g.fillRect(0, 0, img.getWidth(), height);
            }
            for (int i = 0; i < rules.size(); i++) {
                Graphics2D ig = (Graphics2D) g.create(0, i * rowHeight + (rowHeight - iconHeight) / 2, iconWidth, iconHeight);
                drawIcon(ig, rules.get(i), kind, iconWidth, iconHeight);
                ig.dispose();
                String t = titles.get(i);
                if (!t.isEmpty()) {
                    java.awt.Font font = FontResolver.resolve(fontStyle, t);
                    g.setFont(font);
                    g.setColor(Color.BLACK);
                    var lm = font.getLineMetrics(t, g.getFontRenderContext());
                    float baseline = i * rowHeight + (rowHeight + lm.getAscent() - lm.getDescent()) / 2f;
                    g.drawString(t, iconWidth + GAP, baseline);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private void drawIcon(Graphics2D g, Rule rule, GeometryKind kind, int w, int h) {
        // The icon is a tiny map in pixel-like geographic units: x 0..w, y 0..h.
        MapView view = new MapView(new Envelope(0, w, 0, h), w, h, MapProjection.geographic());
        List<Symbolizer> syms = new ArrayList<>();
        for (Symbolizer s : rule.symbolizers()) {
            if (s instanceof Symbolizer.Text) continue;
            if (s.geometry() != null) s = withoutGeometry(s);
            if (s != null) syms.add(s);
        }
        Geometry sample = sample(kind, syms, w, h);
        Feature f = new Feature("legend", sample, Map.of());
        Rule plain = Rule.always(rule.name(), syms);
        Style style = new Style("legend", null, List.of(new org.tidemark.core.style.FeatureTypeStyle("", List.of(plain))));
        renderer.render(g, view, List.of(new RenderLayer("legend", style,
                () -> org.tidemark.core.source.FeatureCursor.of(List.of(f).iterator()), null)));
    }

    private static Symbolizer withoutGeometry(Symbolizer s) {
        return switch (s) {
            case Symbolizer.Polygon p -> new Symbolizer.Polygon(null, p.fill(), p.stroke());
            case Symbolizer.Line l -> new Symbolizer.Line(null, l.stroke(), 0);
            case Symbolizer.Point p -> new Symbolizer.Point(null, p.graphic());
            case Symbolizer.Text t -> null;
        };
    }

    private static Geometry sample(GeometryKind kind, List<Symbolizer> syms, int w, int h) {
        boolean polygon = syms.stream().anyMatch(s -> s instanceof Symbolizer.Polygon);
        boolean line = syms.stream().anyMatch(s -> s instanceof Symbolizer.Line);
        boolean point = syms.stream().allMatch(s -> s instanceof Symbolizer.Point) && !syms.isEmpty();
        if (point || kind == GeometryKind.POINT || kind == GeometryKind.MULTIPOINT && !polygon && !line) {
            return GF.createPoint(new Coordinate(w / 2.0, h / 2.0));
        }
        if (line && !polygon || kind == GeometryKind.LINESTRING || kind == GeometryKind.MULTILINESTRING) {
            return GF.createLineString(new Coordinate[] {
                new Coordinate(1, 2), new Coordinate(w * 0.4, h - 3), new Coordinate(w * 0.6, 3), new Coordinate(w - 1, h - 2)});
        }
        double m = 1.5;
        return GF.toGeometry(new Envelope(m, w - m, m, h - m));
    }
}
