package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Envelope;
import org.junit.jupiter.api.Test;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.memory.MemoryFeatureSource;

class MapFeatureIndexTest {

    /** A source that counts the queries reaching it. */
    static final class CountingSource extends MemoryFeatureSource {
        final AtomicInteger queries = new AtomicInteger();

        CountingSource(List<Feature> features) { this(WmsFixtures.FLOOD_ZONES, features); }

        CountingSource(org.tidemark.core.feature.FeatureType type, List<Feature> features) { super(type, features); }

        @Override
        public FeatureCursor query(FeatureQuery query) {
            queries.incrementAndGet();
            return super.query(query);
        }
    }

    private static List<Feature> zones(int n, long seed) {
        Random r = new Random(seed);
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = 121.5 + r.nextDouble() * 0.6;
            double y = 29.0 + r.nextDouble() * 0.6;
            double w = 0.002 + r.nextDouble() * 0.05;
            out.add(new Feature("z" + i, WmsFixtures.box(x, y, x + w, y + w), Map.of("risk_class", 1 + i % 3)));
        }
        return out;
    }

    private static List<String> ids(FeatureCursor c) {
        List<String> out = new ArrayList<>();
        try (c) {
            while (c.hasNext()) out.add(c.next().id());
        }
        return out;
    }

    private static FeatureQuery box(double x0, double y0, double x1, double y1) {
        return FeatureQuery.all("flood_zones").withBbox(new Envelope(x0, x1, y0, y1));
    }

    @Test
    void boxQueriesAnswerTheStoresFeaturesInTheStoresOrderWithoutAskingIt() {
        CountingSource source = new CountingSource(zones(2000, 1));
        MapFeatureIndex index = new MapFeatureIndex();
        ids(index.query(source, box(121.6, 29.1, 121.7, 29.2)));
        ids(index.query(source, box(121.6, 29.1, 121.7, 29.2))); // second ask at this version builds the snapshot
        assertThat(index.snapshots()).isEqualTo(1);
        int before = source.queries.get();
        Random r = new Random(9);
        for (int i = 0; i < 200; i++) {
            double x = 121.4 + r.nextDouble() * 0.8;
            double y = 28.9 + r.nextDouble() * 0.8;
            double w = r.nextDouble() * 0.3;
            FeatureQuery q = box(x, y, x + w, y + w * r.nextDouble());
            assertThat(ids(index.query(source, q))).isEqualTo(ids(new MemoryFeatureSource(source.type(), source.features()).query(q)));
        }
        assertThat(source.queries.get()).isEqualTo(before);
    }

    @Test
    void aWriteToTheLayerIsSeenOnTheNextMap() {
        CountingSource source = new CountingSource(zones(50, 2));
        MapFeatureIndex index = new MapFeatureIndex();
        FeatureQuery all = box(121, 28, 123, 30);
        ids(index.query(source, all));
        assertThat(ids(index.query(source, all))).hasSize(50);
        source.setFeatures(zones(7, 3));
        assertThat(ids(index.query(source, all))).hasSize(7);
        assertThat(ids(index.query(source, all))).hasSize(7);
        assertThat(ids(index.query(source, all))).hasSize(7);
    }

    @Test
    void queriesWithAnyFilterGoToTheStore() {
        CountingSource source = new CountingSource(zones(100, 4));
        MapFeatureIndex index = new MapFeatureIndex();
        FeatureQuery all = box(121, 28, 123, 30);
        ids(index.query(source, all));
        ids(index.query(source, all));
        int before = source.queries.get();
        Filter risk3 = new Filter.Comparison("risk_class", ComparisonOperator.EQ, 3, true);
        List<String> filtered = ids(index.query(source, all.withFilter(risk3)));
        assertThat(source.queries.get()).isEqualTo(before + 1);
        assertThat(filtered).hasSize(33);
        ids(index.query(source, all.withPage(0, 5)));
        ids(index.query(source, all.withProperties(List.of("risk_class"))));
        assertThat(source.queries.get()).isEqualTo(before + 3);
    }

    @Test
    void layersOverTheLimitsAreNeverCopied() {
        CountingSource source = new CountingSource(zones(100, 5));
        MapFeatureIndex index = new MapFeatureIndex(100, 10_000, 10_000);
        CountingSource large = new CountingSource(WmsFixtures.CAMERAS, zones(101, 6));
        FeatureQuery all = box(121, 28, 123, 30);
        FeatureQuery allCameras = FeatureQuery.all("police_cameras").withBbox(all.bbox());
        for (int i = 0; i < 3; i++) assertThat(ids(index.query(large, allCameras))).hasSize(101);
        assertThat(index.snapshots()).isZero();
        for (int i = 0; i < 3; i++) assertThat(ids(index.query(source, all))).hasSize(100);
        assertThat(index.snapshots()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedSnapshotMakesRoomWithinTheBudget() {
        // each layer of 100 boxes holds 500 coordinates; the budget holds one
        MapFeatureIndex index = new MapFeatureIndex(1000, 10_000, 600);
        FeatureQuery zonesBox = box(121, 28, 123, 30);
        CountingSource a = new CountingSource(zones(100, 7));
        CountingSource b = new CountingSource(WmsFixtures.CAMERAS, zones(100, 8));
        FeatureQuery camerasBox = FeatureQuery.all("police_cameras").withBbox(zonesBox.bbox());
        ids(index.query(a, zonesBox));
        ids(index.query(a, zonesBox));
        ids(index.query(b, camerasBox));
        ids(index.query(b, camerasBox));
        assertThat(index.snapshots()).isEqualTo(1);
        int before = b.queries.get();
        ids(index.query(b, camerasBox));
        assertThat(b.queries.get()).as("the newest snapshot is kept").isEqualTo(before);
    }
}
