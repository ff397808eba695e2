package org.tidemark.data.importer;

import java.util.Iterator;
import java.util.List;
import org.tidemark.core.feature.Attribute;

/**
 * A forward-only reader over the records of one input file. Readers stream: they hold one record at a
 * time, so files larger than the heap import fine. Fatal problems (truncated file, unreadable header)
 * are thrown as {@link ImportException}; problems with single records come back as records with a problem.
 */
interface RecordReader extends Iterator<SourceRecord>, AutoCloseable {
    /** Attributes the file declares in its header (shapefile dbf, GeoPackage table), or empty to infer them. */
    default List<Attribute> declaredAttributes() { return List.of(); }

    @Override
    void close();
}
