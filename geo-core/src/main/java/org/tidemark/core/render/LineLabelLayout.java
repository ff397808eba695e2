package org.tidemark.core.render;

import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a label out along a line (SE 1.1 §11.4.4 LinePlacement): glyph by glyph, each centred on the line at
 * its arc length and turned to the line's local direction, so Chinese and Latin names follow bends of
 * streams and roads. Text always reads left to right (the line is walked backwards where it runs right to
 * left), the PerpendicularOffset moves it to the left of the line's own direction (negative: right), and a
 * placement is refused where consecutive glyphs would turn by more than {@link #MAX_TURN_DEGREES} or any glyph
 * would leave the image. Candidates: the middle of each part, then points a quarter and three quarters along
 * it; with IsRepeated, every {@code Gap} pixels after {@code InitialGap}.
 */
final class LineLabelLayout {
    static final double MAX_TURN_DEGREES = 30;

    /** One way to draw the label: the glyph outlines and, per glyph, its box for collision tests. */
    record Placement(Shape glyphs, List<Rectangle2D> boxes) {}

    private LineLabelLayout() {}

    /** The placements to try, best first (for a repeated label: all of them, along the line). */
    static List<Placement> candidates(PathLabel label, FontRenderContext frc, int width, int height) {
        GlyphVector gv = label.font().createGlyphVector(frc, label.text());
        LineMetrics lm = label.font().getLineMetrics(label.text(), frc);
        double textWidth = gv.getLogicalBounds().getWidth();
        List<Placement> out = new ArrayList<>();
        Rectangle2D image = new Rectangle2D.Double(0, 0, width, height);
        var pl = label.placement();
        for (double[] part : label.parts()) {
            double[] cum = cumulative(part);
            double length = cum[cum.length - 1];
            if (length < textWidth) continue;
            List<Double> centres = new ArrayList<>();
            if (pl.repeated()) {
                double step = textWidth + Math.max(pl.gap(), textWidth);
                for (double c = pl.initialGap() + textWidth / 2; c + textWidth / 2 <= length; c += step) centres.add(c);
            } else {
                centres.add(length / 2);
                centres.add(length / 4);
                centres.add(3 * length / 4);
            }
            for (double c : centres) {
                if (c - textWidth / 2 < 0 || c + textWidth / 2 > length) continue;
                Placement p = pl.aligned() ? along(part, cum, c, gv, lm, textWidth, pl.perpendicularOffset())
                        : level(part, cum, c, gv, lm, textWidth, pl.perpendicularOffset());
                if (p != null && image.contains(p.glyphs().getBounds2D())) out.add(p);
            }
        }
        return out;
    }

    private static double[] cumulative(double[] xy) {
        int n = xy.length / 2;
        double[] cum = new double[n];
        for (int i = 1; i < n; i++) {
            cum[i] = cum[i - 1] + Math.hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
        }
        return cum;
    }

    /** The segment index containing arc length {@code s} (its start vertex). */
    private static int segment(double[] cum, double s) {
        int lo = 0;
        int hi = cum.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cum[mid] <= s) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** Position {x, y} and direction angle (radians, screen) at arc length {@code s}. */
    private static double[] at(double[] xy, double[] cum, double s) {
        int i = segment(cum, s);
        double seg = cum[i + 1] - cum[i];
        double t = seg == 0 ? 0 : (s - cum[i]) / seg;
        double x0 = xy[2 * i];
        double y0 = xy[2 * i + 1];
        double x1 = xy[2 * i + 2];
        double y1 = xy[2 * i + 3];
        return new double[] {x0 + t * (x1 - x0), y0 + t * (y1 - y0), Math.atan2(y1 - y0, x1 - x0)};
    }

    private static Placement along(double[] xy, double[] cum, double centre, GlyphVector gv, LineMetrics lm,
                                   double textWidth, double offset) {
        double start = centre - textWidth / 2;
        double end = centre + textWidth / 2;
        double[] a = at(xy, cum, start);
        double[] b = at(xy, cum, end);
        // read left to right: walk the line backwards where its chord at the label points left
        boolean reverse = b[0] < a[0];
        Path2D.Double glyphs = new Path2D.Double(Path2D.WIND_NON_ZERO);
        List<Rectangle2D> boxes = new ArrayList<>();
        double ascent = lm.getAscent();
        double descent = lm.getDescent();
        double previous = Double.NaN;
        for (int i = 0; i < gv.getNumGlyphs(); i++) {
            double gx = gv.getGlyphPosition(i).getX();
            double adv = gv.getGlyphMetrics(i).getAdvance();
            double mid = reverse ? end - (gx + adv / 2) : start + gx + adv / 2;
            double[] p = at(xy, cum, mid);
            double angle = reverse ? p[2] + Math.PI : p[2];
            if (!Double.isNaN(previous)) {
                double turn = Math.abs(Math.IEEEremainder(angle - previous, 2 * Math.PI));
                if (Math.toDegrees(turn) > MAX_TURN_DEGREES) return null;
            }
            previous = angle;
            // the offset is to the left of the line's own direction; screen y points down
            double dir = p[2];
            double nx = Math.sin(dir);
            double ny = -Math.cos(dir);
            double cx = p[0] + nx * offset;
            double cy = p[1] + ny * offset;
            AffineTransform at = AffineTransform.getTranslateInstance(cx, cy);
            at.rotate(angle);
            // glyph centred on its advance, text centred vertically on the line
            at.translate(-(gx + adv / 2), (ascent - descent) / 2);
            Shape outline = gv.getGlyphOutline(i);
            glyphs.append(at.createTransformedShape(outline), false);
            Rectangle2D cell = new Rectangle2D.Double(gx, -ascent, adv, ascent + descent);
            boxes.add(at.createTransformedShape(cell).getBounds2D());
        }
        return new Placement(glyphs, boxes);
    }

    /** IsAligned false: the label horizontal, centred at its place on the line (offset as above). */
    private static Placement level(double[] xy, double[] cum, double centre, GlyphVector gv, LineMetrics lm,
                                   double textWidth, double offset) {
        double[] p = at(xy, cum, centre);
        double cx = p[0] + Math.sin(p[2]) * offset;
        double cy = p[1] - Math.cos(p[2]) * offset;
        double ascent = lm.getAscent();
        double descent = lm.getDescent();
        double left = cx - textWidth / 2;
        double baseline = cy + (ascent - descent) / 2;
        Shape outline = gv.getOutline((float) left, (float) baseline);
        return new Placement(outline, List.of(new Rectangle2D.Double(left, baseline - ascent, textWidth, ascent + descent)));
    }
}
