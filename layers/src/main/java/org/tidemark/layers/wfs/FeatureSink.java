package org.tidemark.layers.wfs;

import java.io.IOException;
import java.util.List;
import org.tidemark.core.feature.Feature;

/** Receives a GetFeature/GetPropertyValue result as a stream; one implementation per output format. */
interface FeatureSink {
    /**
     * @param matched  numberMatched (all features of all queries)
     * @param returned numberReturned (known before streaming from the counts and the page)
     * @param next     the next-page URI, or null
     * @param previous the previous-page URI, or null
     */
    void begin(List<PlannedQuery> queries, long matched, long returned, String next, String previous) throws IOException;

    void feature(PlannedQuery query, Feature feature) throws IOException;

    void end() throws IOException;
}
