package org.tidemark.core.style;

/**
 * SE 1.1 §11.4.4 LabelPlacement: a point placement (anchor as fractions of the label box, displacement
 * in pixels, rotation in degrees) or a line placement (§11.4.4, LinePlacement): the label follows the line,
 * offset perpendicular to it (positive to the left of the line's direction, as SE 1.1 §11.1.4 defines the
 * offset of lines), optionally repeated every {@code gap} pixels after {@code initialGap}; with
 * {@code aligned} false it stays horizontal at its place on the line.
 */
public record LabelPlacement(boolean alongLine, double anchorX, double anchorY, double displacementX,
                             double displacementY, Expression rotation, double perpendicularOffset,
                             boolean repeated, double initialGap, double gap, boolean aligned) {
    public static final LabelPlacement POINT_CENTRE = new LabelPlacement(false, 0.5, 0.5, 0, 0, null, 0);
    public static final LabelPlacement LINE = line(0, false, 0, 0, true);

    /** A placement without the line options (a point placement, or a single aligned label along a line). */
    public LabelPlacement(boolean alongLine, double anchorX, double anchorY, double displacementX,
                          double displacementY, Expression rotation, double perpendicularOffset) {
        this(alongLine, anchorX, anchorY, displacementX, displacementY, rotation, perpendicularOffset, false, 0, 0, true);
    }

    /** A LinePlacement. */
    public static LabelPlacement line(double perpendicularOffset, boolean repeated, double initialGap, double gap, boolean aligned) {
        return new LabelPlacement(true, 0.5, 0.5, 0, 0, null, perpendicularOffset, repeated, Math.max(0, initialGap),
                Math.max(0, gap), aligned);
    }
}
