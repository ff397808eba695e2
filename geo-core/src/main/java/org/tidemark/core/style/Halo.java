package org.tidemark.core.style;

/** SE 1.1 §11.4.5 Halo: an outline of {@code radius} pixels around the glyphs. */
public record Halo(double radius, Fill fill) {
    public Halo {
        if (radius < 0) radius = 0;
        if (fill == null) fill = Fill.of(java.awt.Color.WHITE);
    }
}
