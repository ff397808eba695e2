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

/**
 * The label pass: places labels by priority (then drawing order), skipping any whose box would overlap an
 * already placed label (a simple greedy collision avoidance), and draws halo then glyphs. Labels are kept
 * upright and entirely inside the image.
 */
final class LabelPlacer {
    private static final double PADDING = 2;
    private final List<Rectangle2D> placed = new ArrayList<>();

    void draw(Graphics2D g, List<LabelCandidate> candidates, int width, int height) {
        List<LabelCandidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(LabelCandidate::priority).reversed().thenComparingInt(LabelCandidate::order));
        FontRenderContext frc = g.getFontRenderContext();
        Rectangle2D image = new Rectangle2D.Double(0, 0, width, height);
        for (LabelCandidate c : sorted) {
            Shape glyphs = layout(c, frc);
            double halo = c.halo() == null ? 0 : Math.min(16, c.halo().radius());
            Rectangle2D box = glyphs.getBounds2D();
            Rectangle2D padded = new Rectangle2D.Double(box.getX() - halo - PADDING, box.getY() - halo - PADDING,
                    box.getWidth() + 2 * (halo + PADDING), box.getHeight() + 2 * (halo + PADDING));
            if (!image.contains(box)) continue;
            if (placed.stream().anyMatch(padded::intersects)) continue;
            placed.add(padded);
            if (c.halo() != null && halo > 0) {
                g.setColor(c.halo().fill().effectiveColor());
                g.setStroke(new BasicStroke((float) (2 * halo), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(glyphs);
            }
            g.setColor(c.color());
            g.fill(glyphs);
        }
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
