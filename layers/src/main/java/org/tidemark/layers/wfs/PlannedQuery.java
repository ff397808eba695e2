package org.tidemark.layers.wfs;

import java.util.List;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.layers.web.GatedLayer;
import org.tidemark.layers.web.WireCrs;

/**
 * A query resolved against the caller's view of the catalog.
 *
 * @param layer      the gated layer
 * @param query      the feature query (filter includes the access row filter only when executed via the layer)
 * @param properties the attributes to write, in schema order
 * @param geometry   whether to write the geometry
 * @param crs        the output CRS
 */
record PlannedQuery(GatedLayer layer, FeatureQuery query, List<String> properties, boolean geometry, WireCrs crs) {}
