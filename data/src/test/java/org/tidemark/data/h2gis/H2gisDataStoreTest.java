package org.tidemark.data.h2gis;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tidemark.data.DataStores;
import org.tidemark.data.jdbc.DataStoreContract;
import org.tidemark.data.jdbc.JdbcDataStore;

/** The store contract on an embedded H2GIS file database (created fresh in a temporary folder). */
class H2gisDataStoreTest extends DataStoreContract {
    @TempDir
    static Path dir;

    @Override
    protected JdbcDataStore openStore() {
        return DataStores.h2gis(dir.resolve("contract"));
    }
}
