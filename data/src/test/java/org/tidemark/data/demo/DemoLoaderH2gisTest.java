package org.tidemark.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.data.DataStores;
import org.tidemark.data.catalog.JdbcLayerCatalog;
import org.tidemark.data.jdbc.JdbcDataStore;

class DemoLoaderH2gisTest {
    @TempDir
    Path dir;

    @Test
    void loadsIntoTheEmbeddedStoreAndPublishesTheCatalog() {
        DemoDataset data = SharedDemo.dataset();
        try (JdbcDataStore store = DataStores.h2gis(dir.resolve("db"))) {
            DemoLoader.load(store, dir, DemoDataset.DEFAULT_SEED, () -> data, s -> { });

            assertThat(store.store("hydro_stations").orElseThrow().count(FeatureQuery.all("hydro_stations")))
                    .isEqualTo(data.features("hydro_stations").size());
            assertThat(store.store("buildings").orElseThrow().extent().getMinX()).isGreaterThanOrEqualTo(Grid.WEST);
            var catalog = new JdbcLayerCatalog(store);
            assertThat(catalog.layers()).extracting(Layer::name).contains("buildings", "flood_zones", "police_cameras");
            assertThat(catalog.layer("police_cameras").orElseThrow().department().code()).isEqualTo("police");
            assertThat(catalog.layer("roads").orElseThrow().isPublic()).isTrue();
        }
    }
}
