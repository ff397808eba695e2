package org.tidemark.layers.wfs;

import java.util.List;

/**
 * A parsed GetFeature or GetPropertyValue request (WFS 2.0 §11, §10).
 *
 * @param version        the protocol version
 * @param queries        the queries (one per type, or one GetFeatureById)
 * @param startIndex     STARTINDEX
 * @param count          COUNT / MAXFEATURES, or -1 for all
 * @param hits           RESULTTYPE=hits
 * @param format         the output format
 * @param valueReference GetPropertyValue's VALUEREFERENCE, or null for GetFeature
 * @param byId           whether this is the GetFeatureById stored query (one bare feature, 404 when absent)
 */
record GetFeatureRequest(WfsVersion version, List<QuerySpec> queries, long startIndex, long count, boolean hits,
                         OutputFormat format, String valueReference, boolean byId) {
    GetFeatureRequest { queries = List.copyOf(queries); }
}
