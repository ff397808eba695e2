package org.tidemark.core.render;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * The well-known marks of SE 1.1 §11.3.2 ({@code square}, {@code circle}, {@code triangle}, {@code star},
 * {@code cross}, {@code x}) as unit shapes centred on the origin, y down, sized to {@code size} pixels;
 * plus the {@code shape://} hatch strokes used in graphic fills.
 */
final class Marks {
    private Marks() {}

    /** Whether the mark is drawn as lines only (no fill). */
    static boolean isLinear(String name) {
        return name.startsWith("shape://") && !name.equals("shape://dot");
    }

    static Shape shape(String wellKnownName, double size) {
        double h = size / 2;
        String n = wellKnownName.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "circle", "shape://dot" -> new Ellipse2D.Double(-h, -h, size, size);
            case "triangle" -> {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(0, -h);
                p.lineTo(h, h * 0.732);
                p.lineTo(-h, h * 0.732);
                p.closePath();
                yield p;
            }
            case "star" -> star(h);
            case "cross" -> {
                double t = size * 0.15;
                Path2D.Double p = new Path2D.Double();
                p.append(new Rectangle2D.Double(-t, -h, 2 * t, size), false);
                p.append(new Rectangle2D.Double(-h, -t, size, 2 * t), false);
                Path2D.Double u = new Path2D.Double(Path2D.WIND_NON_ZERO);
                u.append(p, false);
                yield u;
            }
            case "x" -> {
                java.awt.geom.AffineTransform rot = java.awt.geom.AffineTransform.getRotateInstance(Math.PI / 4);
                yield rot.createTransformedShape(shape("cross", size));
            }
            case "shape://slash" -> new Line2D.Double(-h, h, h, -h);
            case "shape://backslash" -> new Line2D.Double(-h, -h, h, h);
            case "shape://horline" -> new Line2D.Double(-h, 0, h, 0);
            case "shape://vertline" -> new Line2D.Double(0, -h, 0, h);
            case "shape://times" -> {
                Path2D.Double p = new Path2D.Double();
                p.append(new Line2D.Double(-h, h, h, -h), false);
                p.append(new Line2D.Double(-h, -h, h, h), false);
                yield p;
            }
            default -> new Rectangle2D.Double(-h, -h, size, size);
        };
    }

    private static Shape star(double r) {
        Path2D.Double p = new Path2D.Double();
        double inner = r * 0.382;
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? r : inner;
            double x = rr * Math.cos(a);
            double y = rr * Math.sin(a);
            if (i == 0) p.moveTo(x, y);
            else p.lineTo(x, y);
        }
        p.closePath();
        return p;
    }
}
