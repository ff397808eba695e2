package org.tidemark.core.tile;

import org.locationtech.jts.geom.Envelope;

/**
 * One level of a {@link TileMatrixSet} (OGC 17-083r4 §6.1.1, WMTS 1.0.0 §6.1 table 6). Coordinates here
 * are always easting/longitude first; the axis order a document must use is the set's business.
 *
 * @param id               the identifier published in capabilities and URLs
 * @param scaleDenominator the scale denominator for the standardised 0.28 mm pixel
 * @param cellSize         the size of one pixel in CRS units
 * @param originX          the top-left corner's easting/longitude
 * @param originY          the top-left corner's northing/latitude
 * @param tileWidth        pixels per tile horizontally
 * @param tileHeight       pixels per tile vertically
 * @param matrixWidth      number of tile columns
 * @param matrixHeight     number of tile rows
 */
public record TileMatrix(String id, double scaleDenominator, double cellSize, double originX, double originY,
                         int tileWidth, int tileHeight, long matrixWidth, long matrixHeight) {

    /** The tile's envelope in CRS units; row 0 is the top row (WMTS convention). */
    public Envelope envelope(long col, long row) {
        double w = tileWidth * cellSize;
        double h = tileHeight * cellSize;
        double minX = originX + col * w;
        double maxY = originY - row * h;
        return new Envelope(minX, minX + w, maxY - h, maxY);
    }

    public boolean contains(long col, long row) {
        return col >= 0 && row >= 0 && col < matrixWidth && row < matrixHeight;
    }
}
