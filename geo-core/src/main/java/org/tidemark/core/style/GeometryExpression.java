package org.tidemark.core.style;

/**
 * What geometry a symbolizer draws (SE 1.1 §11.1.2 {@code se:Geometry}): a named geometry property, or
 * a shape derived from the feature. {@link ViewCone} is a Tidemark function for cameras: the sector
 * covered by a camera at the point, from its heading, field of view and range attributes.
 */
public sealed interface GeometryExpression {

    record Property(String name) implements GeometryExpression {}

    /**
     * {@code viewCone(heading, fov, range)}: a sector centred on the point, heading in degrees clockwise
     * from north, fov the opening angle in degrees, range in metres.
     */
    record ViewCone(Expression heading, Expression fov, Expression range) implements GeometryExpression {}
}
