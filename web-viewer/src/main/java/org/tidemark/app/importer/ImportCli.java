package org.tidemark.app.importer;

import java.nio.file.Path;
import java.util.Arrays;
import org.tidemark.core.source.DataStore;
import org.tidemark.data.DataStores;
import org.tidemark.data.importer.ImportCommand;

/**
 * {@code java -jar web-viewer.jar import --layer NAME [--mode create|replace|append] [--department CODE] FILE}:
 * imports a file into the configured store without starting the server. The store is chosen like the
 * server does: {@code TIDEMARK_DB_URL} (+ user/password) for PostGIS, else the embedded H2GIS database in
 * {@code TIDEMARK_DATA_DIR} (default {@code tidemark-data}). The embedded database is single-process:
 * stop the server first, or use {@code POST /api/layers/{layer}/import} while it runs.
 */
public final class ImportCli {
    private ImportCli() {}

    public static int run(String[] args) {
        String url = System.getenv("TIDEMARK_DB_URL");
        String dataDir = System.getenv().getOrDefault("TIDEMARK_DATA_DIR", "tidemark-data");
        DataStore store;
        try {
            store = url == null || url.isBlank()
                    ? DataStores.h2gis(Path.of(dataDir).resolve("tidemark"))
                    : DataStores.postgis(url, System.getenv("TIDEMARK_DB_USER"), System.getenv("TIDEMARK_DB_PASSWORD"));
        } catch (RuntimeException e) {
            System.err.println("cannot open the store (" + (url == null || url.isBlank() ? "embedded, " + dataDir : "PostGIS")
                    + "): " + e.getMessage() + (url == null || url.isBlank() ? " — is the server running? stop it or use the HTTP upload" : ""));
            return 1;
        }
        try (store) {
            return ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), store, System.out::println);
        }
    }
}
