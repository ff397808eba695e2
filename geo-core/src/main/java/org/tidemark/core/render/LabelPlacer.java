package org.tidemark.core.render;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tidemark.core.style.Halo;

/**
 * The label pass: places labels by priority (then drawing order), skipping any whose box would overlap an
 * already placed label (a simple greedy collision avoidance), and draws halo then glyphs. Labels are kept
 * upright and entirely inside the image. Labels along lines ({@link PathLabel}) are tested glyph box by
 * glyph box, so a curved name does not block the whole rectangle around its bend; a line label that
 * collides at its first place tries the next candidate of {@link LineLabelLayout}.
 */
final class LabelPlacer {
    private static final double PADDING = 2;
    private final List<Rectangle2D> placed = new ArrayList<>();

    void draw(Graphics2D g, List<? extends Label> candidates, int width, int height) {
        List<Label> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Label::priority).reversed().thenComparingInt(Label::order));
        FontRenderContext frc = g.getFontRenderContext();
        Rectangle2D image = new Rectangle2D.Double(0, 0, width, height);
        for (Label l : sorted) {
            switch (l) {
                case LabelCandidate c -> {
                    Shape glyphs = layout(c, frc);
                    Rectangle2D box = glyphs.getBounds2D();
                    if (!image.contains(box)) continue;
                    List<Rectangle2D> boxes = padded(List.of(box), c.halo());
                    if (collides(boxes)) continue;
                    placed.addAll(boxes);
                    paint(g, glyphs, c.color(), c.halo());
                }
                case PathLabel p -> {
                    for (LineLabelLayout.Placement at : LineLabelLayout.candidates(p, frc, width, height)) {
                        List<Rectangle2D> boxes = padded(at.boxes(), p.halo());
                        if (collides(boxes)) continue;
                        placed.addAll(boxes);
                        paint(g, at.glyphs(), p.color(), p.halo());
                        if (!p.placement().repeated()) break;
                    }
                }
            }
        }
    }

    private static List<Rectangle2D> padded(List<Rectangle2D> boxes, Halo halo) {
        double pad = (halo == null ? 0 : Math.min(16, halo.radius())) + PADDING;
        List<Rectangle2D> out = new ArrayList<>(boxes.size());
        for (Rectangle2D b : boxes) {
            out.add(new Rectangle2D.Double(b.getX() - pad, b.getY() - pad, b.getWidth() + 2 * pad, b.getHeight() + 2 * pad));
        }
        return out;
    }

    private boolean collides(List<Rectangle2D> boxes) {
        for (Rectangle2D b : boxes) for (Rectangle2D p : placed) if (p.intersects(b)) return true;
        return false;
    }

    private static void paint(Graphics2D g, Shape glyphs, java.awt.Color color, Halo halo) {
        double radius = halo == null ? 0 : Math.min(16, halo.radius());
        if (halo != null && radius > 0) {
            g.setColor(halo.fill().effectiveColor());
            g.setStroke(new BasicStroke((float) (2 * radius), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(glyphs);
        }
        g.setColor(color);
        g.fill(glyphs);
    }

    private static Shape layout(LabelCandidate c, FontRenderContext frc) {
        GlyphVector gv = c.font().createGlyphVector(frc, c.text());
        Rectangle2D logical = gv.getLogicalBounds();
        LineMetrics lm = c.font().getLineMetrics(c.text(), frc);
        double w = logical.getWidth();
        double h = lm.getAscent() + lm.getDescent();
        // SE 1.1 §11.4.4: anchor (0,0) is the bottom-left of the label, displacement y points up.
        double left = -c.anchorX() * w + c.dx();
        double bottom = c.anchorY() * h - c.dy();
        double baseline = bottom - lm.getDescent();
        Shape outline = gv.getOutline((float) left, (float) baseline);
        AffineTransform at = AffineTransform.getTranslateInstance(c.x(), c.y());
        if (c.angle() != 0) at.rotate(c.angle());
        return at.createTransformedShape(outline);
    }
}
