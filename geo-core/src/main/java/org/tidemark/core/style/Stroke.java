package org.tidemark.core.style;

import java.awt.Color;
import java.util.List;

/**
 * SE 1.1 §11.1.3 Stroke: colour, width in pixels, opacity, dash array, join and cap.
 *
 * @param lineJoin {@code mitre}, {@code round} or {@code bevel}
 * @param lineCap  {@code butt}, {@code round} or {@code square}
 */
public record Stroke(Color color, double width, double opacity, List<Float> dash, String lineJoin, String lineCap) {
    public Stroke {
        if (color == null) color = Color.BLACK;
        if (width < 0) width = 0;
        opacity = Math.max(0, Math.min(1, opacity));
        dash = dash == null ? List.of() : List.copyOf(dash);
        if (lineJoin == null) lineJoin = "round";
        if (lineCap == null) lineCap = "round";
    }

    public static Stroke of(Color c, double width) { return new Stroke(c, width, 1, List.of(), null, null); }

    public Color effectiveColor() { return Colors.withOpacity(color, opacity); }
}
