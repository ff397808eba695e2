package org.tidemark.core.render;

import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.style.Style;

/**
 * One layer to draw: a style and a way to open a cursor over the features in the view (opened once per
 * feature-type-style pass, closed by the renderer), optionally clipped to an area (lon/lat), such as an
 * access grant's spatial limit.
 */
public record RenderLayer(String name, Style style, Features features, Geometry clip) {

    /** Opens a fresh cursor over the layer's features in the view. */
    @FunctionalInterface
    public interface Features {
        FeatureCursor open();
    }
}
