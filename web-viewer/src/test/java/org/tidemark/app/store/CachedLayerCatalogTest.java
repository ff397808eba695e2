package org.tidemark.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.source.FeatureSource;

class CachedLayerCatalogTest {
    final List<Layer> stored = new ArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    final LayerCatalog table = new LayerCatalog() {
        public List<Layer> layers() {
            reads.incrementAndGet();
            return List.copyOf(stored);
        }

        public Optional<FeatureSource> source(String name) { return Optional.empty(); }
    };

    static Layer layer(String name) {
        FeatureType t = new FeatureType(name, LocalizedText.of(name, name), null, List.of(), "geom", GeometryKind.POINT, 4490, null);
        return new Layer(t, new Department("water", LocalizedText.of("水利局", "Water")), List.of(), "static", true, false, null);
    }

    @Test
    void answersByNameFromOneReadWithinTheTimeToLive() {
        stored.add(layer("a"));
        stored.add(layer("b"));
        CachedLayerCatalog c = new CachedLayerCatalog(table, Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            assertThat(c.layer("b")).contains(stored.get(1));
            assertThat(c.layer("x")).isEmpty();
        }
        assertThat(c.layers()).hasSize(2);
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void seesNewLayersAfterInvalidationOrExpiry() throws InterruptedException {
        CachedLayerCatalog c = new CachedLayerCatalog(table, Duration.ofMillis(50));
        assertThat(c.layer("late")).isEmpty();
        stored.add(layer("late"));
        c.invalidate();
        assertThat(c.layer("late")).isPresent();
        stored.add(layer("later"));
        assertThat(c.layer("later")).isEmpty();
        Thread.sleep(120);
        assertThat(c.layer("later")).isPresent();
    }
}
