package org.tidemark.core.source;

import java.util.Iterator;
import org.tidemark.core.feature.Feature;

/**
 * A forward-only stream of features backed by an open resource (a JDBC cursor, a file). Callers
 * must close it; protocol writers stream from it so that no page is ever held in memory whole.
 */
public interface FeatureCursor extends Iterator<Feature>, AutoCloseable {
    @Override
    void close();

    static FeatureCursor of(Iterator<Feature> it) {
        return new FeatureCursor() {
            public boolean hasNext() { return it.hasNext(); }
            public Feature next() { return it.next(); }
            public void close() {}
        };
    }
}
