package org.tidemark.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.memory.MemoryDataStore;

class DemoLoaderTest {
    @TempDir
    Path dir;

    @Test
    void firstStartLoadsEveryLayerAndTheDemLaterStartsOnlyCheck() {
        DemoDataset data = SharedDemo.dataset();
        MemoryDataStore store = new MemoryDataStore();
        AtomicInteger generations = new AtomicInteger();
        List<String> lines = new ArrayList<>();

        DemoLoader.Result first = DemoLoader.load(store, dir, DemoDataset.DEFAULT_SEED, () -> {
            generations.incrementAndGet();
            return data;
        }, lines::add);

        assertThat(first.generated()).isTrue();
        for (var layer : data.layers()) {
            long n = store.store(layer.name()).orElseThrow().count(FeatureQuery.all(layer.name()));
            assertThat(n).as(layer.name()).isEqualTo(data.features(layer.name()).size()).isEqualTo(first.counts().get(layer.name()));
        }
        assertThat(lines).anyMatch(l -> l.matches("demo: buildings\\s+\\d+ features loaded in \\d+ ms"));
        assertThat(Files.isRegularFile(dir.resolve(DemoLoader.DEM_FILE))).isTrue();
        assertThat(Files.isRegularFile(dir.resolve(DemoLoader.MANIFEST))).isTrue();

        lines.clear();
        DemoLoader.Result second = DemoLoader.load(store, dir, DemoDataset.DEFAULT_SEED, () -> {
            generations.incrementAndGet();
            return data;
        }, lines::add);

        assertThat(second.generated()).isFalse();
        assertThat(generations.get()).isEqualTo(1);
        assertThat(lines).hasSize(data.layers().size()).allMatch(l -> l.endsWith("present, skipped"));
        assertThat(second.elevation().extent()).isEqualTo(data.elevation().extent());
        assertThat(second.elevation().cell(1200, 1000)).isEqualTo(data.elevation().cell(1200, 1000));
    }

    @Test
    void aLayerWithTheWrongCountIsReloadedAtomically() {
        DemoDataset data = SharedDemo.dataset();
        MemoryDataStore store = new MemoryDataStore();
        DemoLoader.load(store, dir, DemoDataset.DEFAULT_SEED, () -> data, s -> { });
        store.store("seawalls").orElseThrow().delete(new org.tidemark.core.filter.Filter.ResourceId(java.util.Set.of("seawalls.1")));

        List<String> lines = new ArrayList<>();
        DemoLoader.Result r = DemoLoader.load(store, dir, DemoDataset.DEFAULT_SEED, () -> data, lines::add);

        assertThat(r.generated()).isTrue();
        assertThat(lines).anyMatch(l -> l.startsWith("demo: seawalls") && l.contains("loaded"));
        assertThat(lines).anyMatch(l -> l.startsWith("demo: buildings") && l.contains("skipped"));
        assertThat(store.store("seawalls").orElseThrow().count(FeatureQuery.all("seawalls"))).isEqualTo(data.features("seawalls").size());
    }
}
