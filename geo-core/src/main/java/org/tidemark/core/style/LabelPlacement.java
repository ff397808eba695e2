package org.tidemark.core.style;

/**
 * SE 1.1 §11.4.4 LabelPlacement: a point placement (anchor as fractions of the label box, displacement
 * in pixels, rotation in degrees) or a line placement (along the line, offset perpendicular to it).
 */
public record LabelPlacement(boolean alongLine, double anchorX, double anchorY, double displacementX,
                             double displacementY, Expression rotation, double perpendicularOffset) {
    public static final LabelPlacement POINT_CENTRE = new LabelPlacement(false, 0.5, 0.5, 0, 0, null, 0);
    public static final LabelPlacement LINE = new LabelPlacement(true, 0.5, 0.5, 0, 0, null, 0);
}
