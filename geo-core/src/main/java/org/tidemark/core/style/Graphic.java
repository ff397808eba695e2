package org.tidemark.core.style;

/**
 * SE 1.1 §11.3.2 Graphic: a well-known mark or a bundled external image, with size in pixels,
 * opacity, rotation (degrees clockwise, possibly from an attribute) and displacement in pixels.
 *
 * @param mark     the mark, or null when {@code external} is used
 * @param external the image, or null
 */
public record Graphic(Mark mark, ExternalGraphic external, double size, double opacity, Expression rotation,
                      double displacementX, double displacementY) {
    public Graphic {
        if (mark == null && external == null) mark = new Mark("square", Fill.of(new java.awt.Color(0x808080)), Stroke.of(java.awt.Color.BLACK, 1));
        if (!(size > 0)) size = external != null ? -1 : 6;
        opacity = Math.max(0, Math.min(1, opacity));
    }

    public static Graphic mark(Mark m, double size) { return new Graphic(m, null, size, 1, null, 0, 0); }

    /**
     * SE 1.1 §11.3.2 Mark. Well-known names: {@code circle}, {@code square}, {@code triangle},
     * {@code star}, {@code cross}, {@code x}; for hatch fills also {@code shape://slash},
     * {@code shape://backslash}, {@code shape://horline}, {@code shape://vertline}, {@code shape://times},
     * {@code shape://dot}.
     */
    public record Mark(String wellKnownName, Fill fill, Stroke stroke) {
        public Mark { if (wellKnownName == null || wellKnownName.isBlank()) wellKnownName = "square"; }
    }

    /**
     * SE 1.1 §11.3.2 ExternalGraphic restricted to images bundled on the classpath ({@code href} such as
     * {@code icons/camera.png}); remote URLs are never fetched.
     */
    public record ExternalGraphic(String href, String format) {}
}
