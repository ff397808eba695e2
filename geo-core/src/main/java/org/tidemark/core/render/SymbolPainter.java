package org.tidemark.core.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.style.Fill;
import org.tidemark.core.style.Graphic;
import org.tidemark.core.style.Stroke;

/** Draws fills, strokes and point graphics of SE symbolizers onto a Java2D surface (pixel units). */
final class SymbolPainter {
    /** Bounds on what a client-supplied style (SLD_BODY) can make the renderer do. */
    static final double MAX_SYMBOL_PX = 256;
    static final double MAX_STROKE_PX = 64;
    static final float MIN_DASH_PX = 0.5f;
    private static final int MAX_CACHED = 512;
    private static final Map<Stroke, BasicStroke> STROKES = new ConcurrentHashMap<>();
    private final Map<Graphic, TexturePaint> textures = new ConcurrentHashMap<>();
    private final IconLoader icons;

    SymbolPainter(IconLoader icons) { this.icons = icons; }

    void fill(Graphics2D g, Shape s, Fill f) {
        if (f == null) return;
        if (f.graphicFill() != null) {
            Composite old = g.getComposite();
            if (f.opacity() < 1) g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) f.opacity()));
            if (textures.size() > MAX_CACHED) textures.clear();
            g.setPaint(textures.computeIfAbsent(f.graphicFill(), this::texture));
            g.fill(s);
            g.setComposite(old);
        } else {
            g.setColor(f.effectiveColor());
            g.fill(s);
        }
    }

    void stroke(Graphics2D g, Shape s, Stroke st) {
        if (st == null || st.width() <= 0 && st.opacity() <= 0) return;
        g.setColor(st.effectiveColor());
        if (STROKES.size() > MAX_CACHED) STROKES.clear();
        g.setStroke(STROKES.computeIfAbsent(st, SymbolPainter::basic));
        g.draw(s);
    }

    static BasicStroke basic(Stroke st) {
        int cap = switch (st.lineCap()) {
            case "butt" -> BasicStroke.CAP_BUTT;
            case "square" -> BasicStroke.CAP_SQUARE;
            default -> BasicStroke.CAP_ROUND;
        };
        int join = switch (st.lineJoin()) {
            case "mitre", "miter" -> BasicStroke.JOIN_MITER;
            case "bevel" -> BasicStroke.JOIN_BEVEL;
            default -> BasicStroke.JOIN_ROUND;
        };
        float[] dash = null;
        if (!st.dash().isEmpty() && st.dash().stream().anyMatch(d -> d > 0)) {
            dash = new float[st.dash().size()];
            for (int i = 0; i < dash.length; i++) dash[i] = Math.max(MIN_DASH_PX, st.dash().get(i));
        }
        float width = (float) Math.min(MAX_STROKE_PX, Math.max(st.width(), 0.01));
        if (width <= 2 && dash == null) {
            // Joins and caps of hairlines are sub-pixel: mitre/butt look the same and rasterise far faster than arcs.
            join = BasicStroke.JOIN_MITER;
            cap = BasicStroke.CAP_BUTT;
        }
        return new BasicStroke(width, cap, join, 4f, dash, 0f);
    }

    /** Draws a graphic centred at pixel (x, y); rotation is degrees clockwise (SE 1.1 §11.3.2). */
    void graphic(Graphics2D g, Graphic gr, double x, double y, Feature feature) {
        double rot = gr.rotation() == null ? 0 : gr.rotation().asDouble(feature, 0);
        AffineTransform saved = g.getTransform();
        Composite oldComposite = g.getComposite();
        try {
            g.translate(x + gr.displacementX(), y - gr.displacementY());
            if (rot != 0) g.rotate(Math.toRadians(rot));
            if (gr.opacity() < 1) g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) gr.opacity()));
            if (gr.mark() != null) {
                mark(g, gr.mark(), gr.size());
            } else {
                BufferedImage img = icons.load(gr.external().href()).orElse(null);
                if (img == null) {
                    mark(g, new Graphic.Mark("square", Fill.of(new Color(0x808080)), org.tidemark.core.style.Stroke.of(Color.BLACK, 1)), 6);
                } else {
                    double h = Math.min(MAX_SYMBOL_PX, gr.size() > 0 ? gr.size() : img.getHeight());
                    double w = h * img.getWidth() / img.getHeight();
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(img, (int) Math.round(-w / 2), (int) Math.round(-h / 2), (int) Math.round(w), (int) Math.round(h), null);
                }
            }
        } finally {
            g.setTransform(saved);
            g.setComposite(oldComposite);
        }
    }

    private void mark(Graphics2D g, Graphic.Mark m, double size) {
        Shape s = Marks.shape(m.wellKnownName(), Math.min(size, MAX_SYMBOL_PX));
        if (!Marks.isLinear(m.wellKnownName())) fill(g, s, m.fill());
        Stroke st = m.stroke();
        if (st == null && Marks.isLinear(m.wellKnownName()) && m.fill() != null) st = Stroke.of(m.fill().color(), 1);
        stroke(g, s, st);
    }

    /** The tile of a graphic fill: the graphic drawn once in a square of its size. */
    private TexturePaint texture(Graphic gr) {
        int size = (int) Math.min(MAX_SYMBOL_PX, Math.max(2, Math.ceil(gr.size() > 0 ? gr.size() : 8)));
        BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D tg = tile.createGraphics();
        tg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphic(tg, gr, size / 2.0, size / 2.0, null);
        tg.dispose();
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, size, size));
    }
}
