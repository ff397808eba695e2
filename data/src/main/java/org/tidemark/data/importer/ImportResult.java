package org.tidemark.data.importer;

import org.tidemark.core.feature.FeatureType;

/**
 * The outcome of a successful import.
 *
 * @param type     the layer's schema after the import
 * @param mode     the mode used
 * @param imported features written
 * @param repaired features whose geometry was repaired (e.g. self-intersecting rings) before writing
 * @param millis   wall time
 */
public record ImportResult(FeatureType type, ImportMode mode, long imported, long repaired, long millis) {}
