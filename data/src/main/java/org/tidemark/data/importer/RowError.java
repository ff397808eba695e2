package org.tidemark.data.importer;

/**
 * Why one input record was rejected.
 *
 * @param row    the 1-based record number in the file (GeoJSON feature, CSV data line, shapefile record)
 * @param reason a human-readable reason
 */
public record RowError(long row, String reason) {
    @Override
    public String toString() { return "row " + row + ": " + reason; }
}
