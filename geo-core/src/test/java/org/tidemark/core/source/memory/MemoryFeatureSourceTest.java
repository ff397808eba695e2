package org.tidemark.core.source.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.query.SortKey;
import org.tidemark.core.source.FeatureCursor;

class MemoryFeatureSourceTest {
    private static final GeometryFactory GF = new GeometryFactory();
    static final FeatureType GAUGES = new FeatureType("gauges", null, null,
            List.of(Attribute.of("name", AttributeType.STRING, "名称", "Name"),
                    Attribute.of("level", AttributeType.DOUBLE, "水位", "Level")),
            "geom", GeometryKind.POINT, 4490, null);

    private static Feature gauge(String id, double lon, double lat, String name, Double level) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("level", level);
        return new Feature(id, GF.createPoint(new Coordinate(lon, lat)), p);
    }

    private static MemoryFeatureSource source() {
        return new MemoryFeatureSource(GAUGES, List.of(
                gauge("g3", 121.9, 29.5, "Shipu", 2.0),
                gauge("g1", 121.8, 29.4, "Dancheng", 3.5),
                gauge("g2", 122.0, 29.6, "Xizhou", null),
                gauge("g4", 121.7, 29.3, "Dongchen", 3.5)));
    }

    private static List<String> ids(FeatureCursor c) {
        List<String> out = new ArrayList<>();
        try (c) {
            c.forEachRemaining(f -> out.add(f.id()));
        }
        return out;
    }

    @Test
    void defaultOrderIsById() {
        assertThat(ids(source().query(FeatureQuery.all("gauges")))).containsExactly("g1", "g2", "g3", "g4");
    }

    @Test
    void sortsByKeysThenIdWithNullsLastAscending() {
        FeatureQuery q = FeatureQuery.all("gauges").withSort(List.of(new SortKey("level", false)));
        assertThat(ids(source().query(q))).containsExactly("g2", "g1", "g4", "g3");
        q = FeatureQuery.all("gauges").withSort(List.of(new SortKey("level", true)));
        assertThat(ids(source().query(q))).containsExactly("g3", "g1", "g4", "g2");
    }

    @Test
    void filtersBboxAndPages() {
        FeatureQuery q = FeatureQuery.all("gauges")
                .withFilter(new Filter.Comparison("level", ComparisonOperator.GE, 2, true))
                .withBbox(new Envelope(121.75, 122.5, 29.0, 30.0));
        MemoryFeatureSource s = source();
        assertThat(ids(s.query(q))).containsExactly("g1", "g3");
        assertThat(s.count(q.withPage(1, 1))).isEqualTo(2);
        assertThat(ids(s.query(q.withPage(1, 1)))).containsExactly("g3");
        assertThat(ids(s.query(q.withPage(5, 10)))).isEmpty();
        assertThat(ids(s.query(q.withPage(0, 0)))).isEmpty();
    }

    @Test
    void selectsProperties() {
        try (FeatureCursor c = source().query(FeatureQuery.all("gauges").withProperties(List.of("name")))) {
            Feature f = c.next();
            assertThat(f.properties()).containsOnlyKeys("name");
            assertThat(f.geometry()).isNotNull();
        }
    }

    @Test
    void extentCoversAllGeometries() {
        assertThat(source().extent()).isEqualTo(new Envelope(121.7, 122.0, 29.3, 29.6));
        assertThat(new MemoryFeatureSource(GAUGES, List.of()).extent()).isNull();
    }

    @Test
    void storeInsertsUpdatesDeletesAtomically() {
        MemoryFeatureStore store = new MemoryFeatureStore(GAUGES);
        List<String> ids = store.insert(List.of(gauge("", 121.8, 29.4, "A", 1.0), gauge("x", 121.9, 29.5, "B", 2.0)));
        assertThat(ids).containsExactly("gauges.1", "x");
        long v = store.version();
        assertThatThrownBy(() -> store.insert(List.of(gauge("y", 0, 0, "C", 0.0), gauge("x", 0, 0, "D", 0.0))))
                .isInstanceOfSatisfying(GeoServiceException.class,
                        e -> assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.CONFLICT));
        assertThat(store.count(FeatureQuery.all("gauges"))).isEqualTo(2); // "y" was not half-inserted
        assertThat(store.version()).isEqualTo(v);
        assertThat(store.update(new Filter.ResourceId(java.util.Set.of("x")), Map.of("level", 9.5))).isEqualTo(1);
        assertThat(store.features().stream().filter(f -> f.id().equals("x")).findFirst().orElseThrow().get("level")).isEqualTo(9.5);
        assertThatThrownBy(() -> store.update(Filter.INCLUDE, Map.of("bogus", 1))).isInstanceOf(GeoServiceException.class);
        assertThat(store.delete(new Filter.Comparison("level", ComparisonOperator.LT, 5, true))).isEqualTo(1);
        assertThat(ids(store.query(FeatureQuery.all("gauges")))).containsExactly("x");
        assertThat(store.version()).isGreaterThan(v);
    }

    @Test
    void replaceAllKeepsOldContentOnFailure() {
        MemoryFeatureStore store = new MemoryFeatureStore(GAUGES, List.of(gauge("a", 0, 0, "A", 1.0)));
        assertThatThrownBy(() -> store.replaceAll(List.of(gauge("b", 0, 0, "B", 1.0), gauge("b", 0, 0, "B", 1.0))))
                .isInstanceOf(GeoServiceException.class);
        assertThat(ids(store.query(FeatureQuery.all("gauges")))).containsExactly("a");
        store.replaceAll(List.of(gauge("c", 0, 0, "C", 1.0)));
        assertThat(ids(store.query(FeatureQuery.all("gauges")))).containsExactly("c");
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        MemoryFeatureStore store = new MemoryFeatureStore(GAUGES);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) store.insert(List.of(gauge("", 121, 29, "n", 1.0)));
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        assertThat(store.count(FeatureQuery.all("gauges"))).isEqualTo(1000);
    }

    @Test
    void dataStoreAndCatalog() {
        MemoryDataStore ds = new MemoryDataStore();
        ds.create(GAUGES);
        assertThat(ds.types()).containsExactly(GAUGES);
        assertThat(ds.store("gauges")).isPresent();
        assertThatThrownBy(() -> ds.create(GAUGES)).isInstanceOf(GeoServiceException.class);
        ds.drop("gauges");
        assertThat(ds.store("gauges")).isEmpty();

        Layer layer = new Layer(GAUGES, new Department("water", LocalizedText.of("水利局", "Water Resources Bureau")),
                List.of(), "realtime", true, true, null);
        MemoryLayerCatalog catalog = new MemoryLayerCatalog().add(layer, source());
        assertThat(catalog.layers()).containsExactly(layer);
        assertThat(catalog.layer("gauges")).contains(layer);
        assertThat(catalog.source("gauges")).isPresent();
        assertThat(catalog.source("roads")).isEmpty();
    }

    @Test
    void generatedIdsSkipBareNumbersAlreadyStoredAndStandardPropertiesSurviveAProjection() {
        MemoryFeatureStore store = new MemoryFeatureStore(GAUGES, List.of(gauge("1", 121.8, 29.3, "a", 1.0)));
        assertThat(store.insert(List.of(gauge("", 121.9, 29.4, "b", 2.0)))).as("the bare id 1 is published as gauges.1")
                .containsExactly("gauges.2");
        store.update(new Filter.ResourceId(java.util.Set.of("1")), Map.of(org.tidemark.core.feature.StandardProperties.NAME, "G1"));
        FeatureQuery onlyName = new FeatureQuery("gauges", new Filter.ResourceId(java.util.Set.of("1")), null, List.of("name"), List.of(), 0, -1);
        try (FeatureCursor c = store.query(onlyName)) {
            assertThat(c.next().properties()).containsOnlyKeys("name", org.tidemark.core.feature.StandardProperties.NAME);
        }
    }
}
