package org.tidemark.core.style;

import java.util.List;

/**
 * The four symbolizers of SE 1.1 §11 (and SLD 1.0 §11). Each may name the geometry to draw
 * ({@code geometry}, null for the feature's default geometry or a derived shape such as a view cone).
 */
public sealed interface Symbolizer {

    /** The geometry to draw: null for the feature geometry, otherwise a property or a derived shape. */
    GeometryExpression geometry();

    /** SE 1.1 §11.3 PolygonSymbolizer: fill then stroke of the area. */
    record Polygon(GeometryExpression geometry, Fill fill, Stroke stroke) implements Symbolizer {}

    /** SE 1.1 §11.2 LineSymbolizer, with an optional perpendicular offset in pixels. */
    record Line(GeometryExpression geometry, Stroke stroke, double perpendicularOffset) implements Symbolizer {}

    /** SE 1.1 §11.4 PointSymbolizer: a graphic at the point (or the interior point of lines and areas). */
    record Point(GeometryExpression geometry, Graphic graphic) implements Symbolizer {}

    /** SE 1.1 §11.4 TextSymbolizer: a label with font, fill, halo and placement. */
    record Text(GeometryExpression geometry, Expression label, Font font, Fill fill, Halo halo,
                LabelPlacement placement, double priority) implements Symbolizer {
        public Text {
            if (font == null) font = Font.DEFAULT;
            if (fill == null) fill = Fill.of(java.awt.Color.BLACK);
            if (placement == null) placement = LabelPlacement.POINT_CENTRE;
        }
    }

    /** All symbolizers in the list that are of the given kind. */
    static <T extends Symbolizer> List<T> ofKind(List<Symbolizer> all, Class<T> kind) {
        return all.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
