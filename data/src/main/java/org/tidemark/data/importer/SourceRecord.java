package org.tidemark.data.importer;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One record read from an input file, before validation. {@code problem} is set when the reader could not
 * decode the record (then {@code geometry} may be null); the importer turns it into a {@link RowError}.
 */
record SourceRecord(long row, String id, Geometry geometry, Map<String, Object> properties, String problem) {
    static SourceRecord bad(long row, String problem) {
        return new SourceRecord(row, null, null, Map.of(), problem);
    }
}
