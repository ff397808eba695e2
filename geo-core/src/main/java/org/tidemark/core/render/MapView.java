package org.tidemark.core.render;

import org.locationtech.jts.geom.Envelope;

/**
 * The map to draw: an east/north envelope in the map CRS, the image size and the projection from lon/lat.
 * Pixel (0,0) is the top-left corner of the image, at (minX, maxY).
 */
public record MapView(Envelope bbox, int width, int height, MapProjection projection) {
    /** The standardised rendering pixel size, 0.28 mm (SE 1.1 §10.2, WMS 1.3.0 §7.2.4.6.9). */
    public static final double PIXEL_SIZE_METRES = 0.00028;

    public MapView {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive");
        if (bbox.isNull() || bbox.getWidth() <= 0 || bbox.getHeight() <= 0) throw new IllegalArgumentException("empty bbox");
    }

    /** The OGC scale denominator of the map, computed on its width. */
    public double scaleDenominator() {
        return bbox.getWidth() * projection.metresPerUnit() / width / PIXEL_SIZE_METRES;
    }

    public double scaleX() { return width / bbox.getWidth(); }

    public double scaleY() { return height / bbox.getHeight(); }

    /** The lon/lat envelope of the map enlarged by {@code pixels} on each side (for symbols and labels at the edges). */
    public Envelope lonLatQueryEnvelope(double pixels) {
        Envelope e = new Envelope(bbox);
        e.expandBy(pixels / scaleX(), pixels / scaleY());
        return projection.toLonLat(e);
    }

    /** The lon/lat of the centre of pixel ({@code i}, {@code j}). */
    public double[] pixelToLonLat(double i, double j) {
        double x = bbox.getMinX() + (i + 0.5) / scaleX();
        double y = bbox.getMaxY() - (j + 0.5) / scaleY();
        return projection.inverse(x, y);
    }
}
