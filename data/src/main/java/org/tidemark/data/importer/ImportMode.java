package org.tidemark.data.importer;

/** How an import treats an existing layer. */
public enum ImportMode {
    /** Creates a new layer; fails when the layer already exists. */
    CREATE,
    /** Atomically swaps the whole content of an existing layer (readers never see a half-loaded layer). */
    REPLACE,
    /** Adds the features to an existing layer. */
    APPEND
}
