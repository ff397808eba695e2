package org.tidemark.core.style;

import java.awt.Color;

/**
 * SE 1.1 §11.3.2 Fill: a solid colour with opacity, or a repeated graphic (hatching with the
 * {@code shape://} marks, or an icon) when {@code graphicFill} is set.
 */
public record Fill(Color color, double opacity, Graphic graphicFill) {
    public Fill {
        if (color == null) color = new Color(0x808080);
        opacity = Math.max(0, Math.min(1, opacity));
    }

    public static Fill of(Color c) { return new Fill(c, 1, null); }

    public static Fill of(Color c, double opacity) { return new Fill(c, opacity, null); }

    /** The colour with the opacity folded into its alpha. */
    public Color effectiveColor() { return Colors.withOpacity(color, opacity); }
}
