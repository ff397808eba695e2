package org.tidemark.data.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.tidemark.data.jdbc.ContractData.box;
import static org.tidemark.data.jdbc.ContractData.line;
import static org.tidemark.data.jdbc.ContractData.point;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.Reprojector;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.feature.StandardProperties;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.FilterEvaluator;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.filter.TemporalOperator;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.query.SortKey;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureStore;
import org.tidemark.data.catalog.JdbcLayerCatalog;

/**
 * The behaviour every {@link JdbcDataStore} must have, whatever the database: run by
 * {@code H2gisDataStoreTest} and {@code PostgisDataStoreIT}. Query results are compared with geo-core's
 * in-memory {@link FilterEvaluator} over the same features, so the SQL encoding and the evaluator
 * cannot drift apart. Type names carry a random suffix so that runs sharing a database do not collide.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DataStoreContract {
    private static final int N = 240;

    private JdbcDataStore store;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();
    /** The fixture as stored (ids assigned by the store). */
    private List<Feature> stored;
    private FeatureStore sample;

    /** A new store object on the contract database (called again to simulate a restart). */
    protected abstract JdbcDataStore openStore();

    @BeforeAll
    void setUp() {
        store = openStore();
        sample = create("sample");
        List<String> ids = sample.insert(ContractData.features(N, 42));
        List<Feature> in = ContractData.features(N, 42);
        stored = new ArrayList<>();
        for (int i = 0; i < N; i++) stored.add(new Feature(ids.get(i), in.get(i).geometry(), in.get(i).properties()));
    }

    @AfterAll
    void tearDown() {
        if (store == null) return;
        for (String name : created) {
            try {
                store.drop(name);
            } catch (RuntimeException ignored) {
                // already dropped by the test
            }
        }
        store.close();
    }

    private FeatureStore create(String base) {
        String name = "ct_" + base + "_" + suffix;
        created.add(name);
        return store.create(ContractData.type(name));
    }

    private FeatureQuery all() { return FeatureQuery.all(sample.type().name()); }

    private static List<Feature> list(FeatureCursor cursor) {
        try (cursor) {
            List<Feature> out = new ArrayList<>();
            cursor.forEachRemaining(out::add);
            return out;
        }
    }

    private static List<String> ids(List<Feature> fs) { return fs.stream().map(Feature::id).toList(); }

    // ------------------------------------------------------------------ schema and round trip

    @Test
    void assignsStableIdsFromTheSequenceAndReadsEveryAttributeTypeBack() {
        assertThat(new HashSet<>(ids(stored))).hasSize(N);
        assertThat(ids(stored)).allMatch(id -> id.startsWith(sample.type().name() + "."));
        Map<String, Feature> byId = new LinkedHashMap<>();
        list(sample.query(all())).forEach(f -> byId.put(f.id(), f));
        assertThat(byId).hasSize(N);
        for (Feature expected : stored) {
            Feature actual = byId.get(expected.id());
            assertThat(actual.properties()).as(expected.id()).isEqualTo(withNullsAsPresent(expected));
            if (expected.geometry() == null) {
                assertThat(actual.geometry()).isNull();
            } else {
                assertThat(actual.geometry().equalsExact(expected.geometry())).as(expected.id()).isTrue();
                assertThat(actual.geometry().getSRID()).isEqualTo(4490);
            }
        }
    }

    private Map<String, Object> withNullsAsPresent(Feature f) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String a : sample.type().attributeNames()) m.put(a, f.get(a));
        return m;
    }

    @Test
    void keepsChineseTextDatesAndInstantsExactly() {
        FeatureStore s = create("roundtrip");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "象山县石浦镇 — 海塘“甲”段 𠀀");
        p.put("use", "");
        p.put("floors", Integer.MIN_VALUE);
        p.put("population", Long.MAX_VALUE);
        p.put("height", -0.1);
        p.put("active", false);
        p.put("built", LocalDate.of(1949, 10, 1));
        p.put("observed", Instant.parse("2024-09-15T23:59:59.123456Z"));
        List<String> ids = s.insert(List.of(new Feature("custom-id.1", point(121.9, 29.5), p)));
        assertThat(ids).containsExactly("custom-id.1");
        Feature back = list(s.query(FeatureQuery.all(s.type().name()))).getFirst();
        assertThat(back.id()).isEqualTo("custom-id.1");
        assertThat(back.properties()).isEqualTo(p);
    }

    @Test
    void generatedIdsNeverCollideWithIdsImportedInTheGeneratedForm() {
        FeatureStore s = create("imported");
        String t = s.type().name();
        List<Feature> imported = new ArrayList<>();
        for (int i = 1; i <= 40; i++) imported.add(new Feature(t + "." + i, point(121.9, 29.5), Map.of("name", "imported " + i)));
        s.insert(imported);
        List<String> fresh = s.insert(List.of(new Feature("", point(121.8, 29.4), Map.of("name", "new")),
                new Feature("", point(121.8, 29.4), Map.of("name", "newer"))));
        assertThat(fresh).hasSize(2).doesNotHaveDuplicates().allSatisfy(id -> {
            assertThat(id).startsWith(t + ".");
            assertThat(Long.parseLong(id.substring(t.length() + 1))).isGreaterThan(40);
        });
        assertThat(s.count(FeatureQuery.all(t))).isEqualTo(42);
        s.insert(List.of(new Feature("77", point(121.8, 29.4), Map.of("name", "bare number"))));
        String next = s.insert(List.of(new Feature("", point(121.8, 29.4), Map.of("name", "after")))).getFirst();
        assertThat(Long.parseLong(next.substring(t.length() + 1))).as("a bare id n is published as <type>.n").isGreaterThan(77);
    }

    @Test
    void rebuildsTypesAndPublishedLayersAfterARestart() {
        FeatureStore s = create("restart");
        Layer layer = new Layer(s.type(), new Department("water", LocalizedText.of("水利局", "Water Resources Bureau")),
                List.of("水库", "reservoir"), "daily", true, false, "steward@example.org");
        store.publish(layer);
        try (JdbcDataStore again = openStore()) {
            assertThat(again.types()).contains(s.type());
            Layer reloaded = again.layers().stream().filter(l -> l.name().equals(s.type().name())).findFirst().orElseThrow();
            assertThat(reloaded).isEqualTo(layer);
            JdbcLayerCatalog catalog = new JdbcLayerCatalog(again);
            assertThat(catalog.layer(s.type().name())).contains(layer);
            assertThat(catalog.source(s.type().name())).isPresent();
            assertThat(catalog.source(sample.type().name())).as("unpublished types are not layers").isEmpty();
        }
    }

    @Test
    void refusesDuplicateTypesAndNamesThatAreNotSafeIdentifiers() {
        assertThatThrownBy(() -> store.create(sample.type()))
                .isInstanceOfSatisfying(GeoServiceException.class, e -> assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.CONFLICT));
        FeatureType bad = new FeatureType("ct_bad_" + suffix, null, null,
                List.of(org.tidemark.core.feature.Attribute.of("x\"; DROP TABLE tm_layer; --", org.tidemark.core.feature.AttributeType.STRING, "x", "x")),
                "geom", null, 4490, null);
        assertThatThrownBy(() -> store.create(bad)).isInstanceOf(GeoServiceException.class);
        assertThat(store.store("ct_bad_" + suffix)).isEmpty();
        assertThat(store.types()).contains(sample.type());
    }

    // ------------------------------------------------------------------ filters

    Stream<Named<Filter>> filters() {
        Geometry storedPolygon = stored.stream().map(Feature::geometry)
                .filter(g -> g != null && g.getGeometryType().equals("Polygon")).findFirst().orElseThrow();
        Geometry storedLine = stored.stream().map(Feature::geometry)
                .filter(g -> g != null && g.getGeometryType().equals("LineString")).findFirst().orElseThrow();
        Geometry area = box(121.85, 29.45, 121.98, 29.53);
        Instant t1 = ContractData.T0.plusSeconds(86400L * 10);
        Instant t2 = ContractData.T0.plusSeconds(86400L * 40);
        Instant someObserved = (Instant) stored.stream().map(f -> f.get("observed")).filter(v -> v != null).findFirst().orElseThrow();
        String someId = stored.get(5).id();
        return Stream.of(
                named("include", Filter.INCLUDE),
                named("exclude", Filter.EXCLUDE),
                named("name = 石浦渔港", new Filter.Comparison("name", ComparisonOperator.EQ, "石浦渔港", true)),
                named("name = tidemark (case-insensitive)", new Filter.Comparison("name", ComparisonOperator.EQ, "tidemark", false)),
                named("name <> tidemark", new Filter.Comparison("name", ComparisonOperator.NE, "tidemark", true)),
                named("name < O", new Filter.Comparison("name", ComparisonOperator.LT, "O", true)),
                named("name >= 丹城", new Filter.Comparison("name", ComparisonOperator.GE, "丹城", true)),
                named("floors = 7", new Filter.Comparison("floors", ComparisonOperator.EQ, 7, true)),
                named("floors < 2.5 (fractional literal)", new Filter.Comparison("floors", ComparisonOperator.LT, 2.5, true)),
                named("floors > '20' (string literal)", new Filter.Comparison("floors", ComparisonOperator.GT, "20", true)),
                named("floors <= 3", new Filter.Comparison("floors", ComparisonOperator.LE, 3L, true)),
                named("population > 2e9", new Filter.Comparison("population", ComparisonOperator.GT, 2_000_000_000L, true)),
                named("height >= 60.5", new Filter.Comparison("height", ComparisonOperator.GE, 60.5, true)),
                named("height < 10 (integer literal)", new Filter.Comparison("height", ComparisonOperator.LT, 10, true)),
                named("active = true", new Filter.Comparison("active", ComparisonOperator.EQ, true, true)),
                named("built < 2000-01-01", new Filter.Comparison("built", ComparisonOperator.LT, LocalDate.of(2000, 1, 1), true)),
                named("built >= '2010-06-01' (string)", new Filter.Comparison("built", ComparisonOperator.GE, "2010-06-01", true)),
                named("observed > t2", new Filter.Comparison("observed", ComparisonOperator.GT, t2, true)),
                named("observed = exact instant", new Filter.Comparison("observed", ComparisonOperator.EQ, someObserved, true)),
                named("like 象山%", new Filter.Like("name", "象山%", true)),
                named("like %island% (case-insensitive)", new Filter.Like("name", "%island%", false)),
                named("like %ISLAND% (case-sensitive)", new Filter.Like("name", "%ISLAND%", true)),
                named("like _港% ", new Filter.Like("name", "_浦%", true)),
                named("like 100\\% escaped", new Filter.Like("name", "100\\%%", true)),
                named("like under\\_score", new Filter.Like("name", "under\\_score%", true)),
                named("like back\\\\slash", new Filter.Like("name", "back\\\\slash%", true)),
                named("like O'Brien", new Filter.Like("name", "O'Brien%", true)),
                named("like %\"% (double quote)", new Filter.Like("name", "%\"%", true)),
                named("like on integer", new Filter.Like("floors", "1%", true)),
                named("in uses", new Filter.In("use", List.of("public", "industrial"))),
                named("in floors", new Filter.In("floors", List.of(1, 2, 3L, "4"))),
                named("in empty", new Filter.In("floors", List.of())),
                named("between floors", new Filter.Between("floors", 5, 10)),
                named("between heights", new Filter.Between("height", 10.5, 50)),
                named("between dates", new Filter.Between("built", LocalDate.of(1995, 1, 1), LocalDate.of(2005, 12, 31))),
                named("is null use", new Filter.IsNull("use")),
                named("is null geom", new Filter.IsNull("geom")),
                named("not is null floors", new Filter.Not(new Filter.IsNull("floors"))),
                named("not (floors > 10) — nulls stay out", new Filter.Not(new Filter.Comparison("floors", ComparisonOperator.GT, 10, true))),
                named("and", new Filter.And(List.of(new Filter.Comparison("floors", ComparisonOperator.GT, 5, true),
                        new Filter.Comparison("active", ComparisonOperator.EQ, false, true)))),
                named("or with unknowns", new Filter.Or(List.of(new Filter.Comparison("floors", ComparisonOperator.GT, 25, true),
                        new Filter.Comparison("height", ComparisonOperator.LT, 5, true)))),
                named("not (a or b)", new Filter.Not(new Filter.Or(List.of(new Filter.IsNull("use"),
                        new Filter.Like("name", "%5%", true))))),
                named("bbox", new Filter.Spatial(SpatialOperator.BBOX, "geom", area, 0)),
                named("intersects polygon", new Filter.Spatial(SpatialOperator.INTERSECTS, "geom", area, 0)),
                named("intersects (no property)", new Filter.Spatial(SpatialOperator.INTERSECTS, null, area, 0)),
                named("within", new Filter.Spatial(SpatialOperator.WITHIN, "geom", area, 0)),
                named("contains point of polygon", new Filter.Spatial(SpatialOperator.CONTAINS, "geom",
                        storedPolygon.getInteriorPoint(), 0)),
                named("disjoint", new Filter.Spatial(SpatialOperator.DISJOINT, "geom", area, 0)),
                named("equals stored polygon", new Filter.Spatial(SpatialOperator.EQUALS, "geom", storedPolygon, 0)),
                named("touches stored polygon's ring", new Filter.Spatial(SpatialOperator.TOUCHES, "geom", storedPolygon.getBoundary(), 0)),
                named("crosses a long line", new Filter.Spatial(SpatialOperator.CROSSES, "geom",
                        line(121.79, 29.41, 122.11, 29.59), 0)),
                named("overlaps", new Filter.Spatial(SpatialOperator.OVERLAPS, "geom", area, 0)),
                named("intersects stored line", new Filter.Spatial(SpatialOperator.INTERSECTS, "geom", storedLine, 0)),
                named("dwithin 3 km of a point", new Filter.Spatial(SpatialOperator.DWITHIN, "geom", point(121.93, 29.49), 3000)),
                named("dwithin 800 m of a line", new Filter.Spatial(SpatialOperator.DWITHIN, "geom", line(121.85, 29.45, 121.95, 29.5), 800)),
                named("beyond 5 km", new Filter.Spatial(SpatialOperator.BEYOND, "geom", point(121.93, 29.49), 5000)),
                named("before t1", new Filter.Temporal(TemporalOperator.BEFORE, "observed", t1, null)),
                named("after t2", new Filter.Temporal(TemporalOperator.AFTER, "observed", t2, null)),
                named("after interval", new Filter.Temporal(TemporalOperator.AFTER, "observed", t1, t2)),
                named("during", new Filter.Temporal(TemporalOperator.DURING, "observed", t1, t2)),
                named("during open end", new Filter.Temporal(TemporalOperator.DURING, "observed", t2, Instant.MAX)),
                named("before open (MIN)", new Filter.Temporal(TemporalOperator.BEFORE, "observed", Instant.MIN, null)),
                named("not before open (MIN) — nulls stay out", new Filter.Not(new Filter.Temporal(TemporalOperator.BEFORE, "observed", Instant.MIN, null))),
                named("tequals", new Filter.Temporal(TemporalOperator.TEQUALS, "observed", someObserved, null)),
                named("t_intersects", new Filter.Temporal(TemporalOperator.INTERSECTS, "observed", t1, t2)),
                named("resource id", new Filter.ResourceId(Set.of(someId, stored.get(77).id(), "no-such-id"))),
                named("resource id none", new Filter.ResourceId(Set.of())));
    }

    private static Named<Filter> named(String name, Filter f) { return Named.of(name, f); }

    /**
     * The ids the evaluator selects. A {@link Feature} does not know its geometry attribute's name, so the
     * geometry is also given under {@code geom} (for {@code geom IS NULL}).
     */
    private List<String> expected(Filter f) {
        return stored.stream().filter(x -> FilterEvaluator.matches(f, withGeometryProperty(x))).map(Feature::id).sorted().toList();
    }

    private static Feature withGeometryProperty(Feature f) {
        Map<String, Object> p = new LinkedHashMap<>(f.properties());
        p.put("geom", f.geometry());
        return new Feature(f.id(), f.geometry(), p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void everyFilterSelectsWhatTheInMemoryEvaluatorSelects(Filter filter) {
        List<String> want = expected(filter);
        assertThat(ids(list(sample.query(all().withFilter(filter))))).isEqualTo(want);
        assertThat(sample.count(all().withFilter(filter))).isEqualTo(want.size());
    }

    @Test
    void fixtureExercisesBothOutcomes() {
        // guards the filter table against cases that match everything or nothing by accident
        long informative = filters().map(Named::getPayload).filter(f -> {
            int n = expected(f).size();
            return n > 0 && n < N;
        }).count();
        assertThat(informative).isGreaterThan(filters().count() * 3 / 4);
    }

    @Test
    void queryBboxRestrictsByEnvelopeAndCombinesWithTheFilter() {
        Envelope env = new Envelope(121.85, 121.98, 29.45, 29.53);
        Filter f = new Filter.Comparison("floors", ComparisonOperator.GT, 10, true);
        Filter both = Filter.and(f, new Filter.Spatial(SpatialOperator.BBOX, "geom", ContractData.GF.toGeometry(env), 0));
        FeatureQuery q = all().withFilter(f).withBbox(env);
        assertThat(ids(list(sample.query(q)))).isEqualTo(expected(both)).isNotEmpty();
        assertThat(sample.count(q)).isEqualTo(expected(both).size());
    }

    /**
     * A bbox a client gives in another CRS is transformed to lon/lat at the protocol edge (geo-core
     * {@code Reprojector}); the store then selects what the evaluator selects for that box, and its
     * geometries reproject to the client's CRS and back without loss.
     */
    @ParameterizedTest(name = "EPSG:{0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {4326, 3857, 4549, 4550})
    void bboxesFromOtherCrsesAndReprojectedOutput(int epsg) {
        Crs client = Crs.epsg(epsg);
        Envelope native_ = Reprojector.transform(new Envelope(121.86, 121.97, 29.44, 29.52), Crs.cgcs2000(), client);
        Envelope lonLat = Reprojector.transform(native_, client, Crs.cgcs2000());
        Filter bbox = new Filter.Spatial(SpatialOperator.BBOX, "geom", ContractData.GF.toGeometry(lonLat), 0);
        List<Feature> got = list(sample.query(all().withBbox(lonLat)));
        assertThat(ids(got)).isEqualTo(expected(bbox)).isNotEmpty();
        for (Feature f : got) {
            Geometry there = Reprojector.transform(f.geometry(), Crs.cgcs2000(), client);
            Geometry back = Reprojector.transform(there, client, Crs.cgcs2000());
            assertThat(back.equalsExact(f.geometry(), 1e-8)).as(f.id()).isTrue();
        }
    }

    @Test
    void rejectsUnknownPropertiesAsClientErrors() {
        for (Filter f : List.of(new Filter.Comparison("nope", ComparisonOperator.EQ, 1, true),
                new Filter.Spatial(SpatialOperator.INTERSECTS, "name", point(1, 1), 0),
                new Filter.Temporal(TemporalOperator.BEFORE, "name", Instant.EPOCH, null))) {
            assertThatThrownBy(() -> sample.count(all().withFilter(f)))
                    .isInstanceOfSatisfying(GeoServiceException.class,
                            e -> assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.INVALID_PARAMETER));
        }
    }

    // ------------------------------------------------------------------ order, paging, selection

    @Test
    void sortsByKeysThenIdAndPagesConsistentlyInBothDirections() {
        List<SortKey> sort = List.of(new SortKey("floors", true), new SortKey("height", false));
        Comparator<Feature> byFloors = Comparator.comparing(f -> (Integer) f.get("floors"), Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Feature> byHeightDesc = Comparator.comparing(f -> (Double) f.get("height"), Comparator.nullsFirst(Comparator.<Double>reverseOrder()));
        List<String> want = stored.stream().sorted(byFloors.thenComparing(byHeightDesc).thenComparing(Feature::id)).map(Feature::id).toList();
        FeatureQuery q = all().withSort(sort);
        assertThat(ids(list(sample.query(q)))).isEqualTo(want);

        int page = 17;
        List<String> forward = new ArrayList<>();
        for (int off = 0; off < N; off += page) forward.addAll(ids(list(sample.query(q.withPage(off, page)))));
        assertThat(forward).isEqualTo(want);
        List<String> backward = new ArrayList<>();
        for (int off = (N / page) * page; off >= 0; off -= page) backward.addAll(0, ids(list(sample.query(q.withPage(off, page)))));
        assertThat(backward).isEqualTo(want);
        assertThat(sample.count(q.withPage(30, 5))).isEqualTo(N);
        assertThat(list(sample.query(q.withPage(N, 10)))).isEmpty();
        assertThat(list(sample.query(q.withPage(0, 0)))).isEmpty();
    }

    @Test
    void descendingSortIsTheReverseOfAscending() {
        List<String> asc = ids(list(sample.query(all().withSort(List.of(new SortKey("population", true), new SortKey("id", true))))));
        List<String> desc = ids(list(sample.query(all().withSort(List.of(new SortKey("population", false), new SortKey("id", false))))));
        assertThat(desc).isEqualTo(asc.reversed());
    }

    @Test
    void returnsOnlyTheSelectedPropertiesWithTheGeometry() {
        List<Feature> fs = list(sample.query(all().withProperties(List.of("name", "observed")).withPage(0, 20)));
        assertThat(fs).hasSize(20).allSatisfy(f -> assertThat(f.properties().keySet()).containsExactly("name", "observed"));
        assertThat(fs).anyMatch(f -> f.geometry() != null);
        assertThatThrownBy(() -> sample.query(all().withProperties(List.of("name\" FROM tm_layer --"))))
                .isInstanceOf(GeoServiceException.class);
    }

    @Test
    void extentCoversEveryGeometry() {
        Envelope want = new Envelope();
        stored.stream().map(Feature::geometry).filter(g -> g != null).forEach(g -> want.expandToInclude(g.getEnvelopeInternal()));
        Envelope got = sample.extent();
        assertThat(got.getMinX()).isCloseTo(want.getMinX(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(got.getMaxX()).isCloseTo(want.getMaxX(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(got.getMinY()).isCloseTo(want.getMinY(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(got.getMaxY()).isCloseTo(want.getMaxY(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(create("empty").extent()).isNull();
    }

    // ------------------------------------------------------------------ writes and transactions

    @Test
    void updatesAndDeletesOnlyTheMatchingFeaturesAndBumpTheVersion() {
        FeatureStore s = create("edit");
        List<String> ids = s.insert(ContractData.features(30, 7));
        FeatureQuery q = FeatureQuery.all(s.type().name());
        long v0 = s.version();
        Filter tall = new Filter.Comparison("floors", ComparisonOperator.GE, 15, true);
        long tallCount = s.count(q.withFilter(tall));
        assertThat(tallCount).isPositive();
        int updated = s.update(tall, Map.of("use", "高层住宅", "geom", point(122.0, 29.6)));
        assertThat(updated).isEqualTo(tallCount);
        assertThat(s.version()).isGreaterThan(v0);
        assertThat(list(s.query(q.withFilter(tall)))).allSatisfy(f -> {
            assertThat(f.get("use")).isEqualTo("高层住宅");
            assertThat(f.geometry().equalsExact(point(122.0, 29.6))).isTrue();
        });
        int deleted = s.delete(new Filter.ResourceId(Set.of(ids.get(0), ids.get(1))));
        assertThat(deleted).isEqualTo(2);
        assertThat(s.count(q)).isEqualTo(28);
    }

    @Test
    void storesGmlStandardPropertiesBesideTheAttributesAndReturnsThemOnlyWhereSet() {
        FeatureStore s = create("gmlstd");
        String t = s.type().name();
        List<String> plain = s.insert(ContractData.features(3, 5));
        FeatureQuery q = FeatureQuery.all(t);
        assertThat(list(s.query(q))).as("no standard properties before any is written")
                .allSatisfy(f -> assertThat(f.properties().keySet()).noneMatch(StandardProperties::isStandard));

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "attribute name");
        p.put(StandardProperties.DESCRIPTION, "海塘 — description");
        p.put(StandardProperties.IDENTIFIER, "3f2c0d1e-0000-4000-8000-000000000001");
        p.put(StandardProperties.IDENTIFIER_CODESPACE, "http://example.org/ids");
        p.put(StandardProperties.NAME, "gml name");
        String id = s.insert(List.of(new Feature("", point(121.9, 29.5), p))).getFirst();
        Feature back = list(s.query(q.withFilter(new Filter.ResourceId(Set.of(id))))).getFirst();
        assertThat(back.properties()).containsAllEntriesOf(p);
        assertThat(list(s.query(q.withFilter(new Filter.ResourceId(Set.copyOf(plain))))))
                .as("features that never had one still have none").hasSize(3)
                .allSatisfy(f -> assertThat(f.properties().keySet()).noneMatch(StandardProperties::isStandard));

        long v = s.version();
        assertThat(s.update(new Filter.ResourceId(Set.of(plain.getFirst())), Map.of(StandardProperties.NAME, "renamed"))).isEqualTo(1);
        assertThat(s.version()).isGreaterThan(v);
        Map<String, Object> cleared = new LinkedHashMap<>();
        cleared.put(StandardProperties.DESCRIPTION, null);
        s.update(new Filter.ResourceId(Set.of(id)), cleared);
        Map<String, Feature> byId = new LinkedHashMap<>();
        list(s.query(q)).forEach(f -> byId.put(f.id(), f));
        assertThat(byId.get(plain.getFirst()).get(StandardProperties.NAME)).isEqualTo("renamed");
        assertThat(byId.get(plain.getFirst()).get("name")).as("the attribute of the same local name is untouched")
                .isEqualTo(ContractData.features(3, 5).getFirst().get("name"));
        assertThat(byId.get(id).properties()).doesNotContainKey(StandardProperties.DESCRIPTION)
                .containsEntry(StandardProperties.NAME, "gml name").containsEntry("name", "attribute name");

        try (JdbcDataStore again = openStore()) {
            Feature reopened = list(again.store(t).orElseThrow().query(q.withFilter(new Filter.ResourceId(Set.of(id))))).getFirst();
            assertThat(reopened.get(StandardProperties.IDENTIFIER_CODESPACE)).as("a new store object finds the columns")
                    .isEqualTo("http://example.org/ids");
        }
    }

    @Test
    void aFailedInsertLeavesNoTrace() {
        FeatureStore s = create("atomic");
        s.insert(List.of(new Feature("dup", point(121.9, 29.5), Map.of("name", "first"))));
        List<Feature> batch = new ArrayList<>(ContractData.features(5, 3));
        batch.add(new Feature("dup", point(121.9, 29.5), Map.of("name", "second")));
        long v = s.version();
        assertThatThrownBy(() -> s.insert(batch))
                .isInstanceOfSatisfying(GeoServiceException.class, e -> assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.CONFLICT));
        assertThatThrownBy(() -> s.insert(List.of(new Feature("", null, Map.of("floors", "seven")))))
                .isInstanceOf(GeoServiceException.class);
        assertThatThrownBy(() -> s.insert(List.of(new Feature("", null, Map.of("undeclared", 1)))))
                .isInstanceOf(GeoServiceException.class);
        FeatureQuery q = FeatureQuery.all(s.type().name());
        assertThat(ids(list(s.query(q)))).containsExactly("dup");
        assertThat(list(s.query(q)).getFirst().get("name")).isEqualTo("first");
        assertThat(s.version()).isEqualTo(v);
    }

    @Test
    void replaceAllIsAtomicForReadersAndUntouchedOnFailure() throws Exception {
        FeatureStore s = create("replace");
        s.insert(ContractData.features(50, 1));
        FeatureQuery q = FeatureQuery.all(s.type().name());
        List<Long> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> reader = pool.submit(() -> {
                while (!stop.get()) seen.add(s.count(q));
            });
            s.replaceAll(ContractData.features(3000, 2));
            stop.set(true);
            reader.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).isNotEmpty().allMatch(n -> n == 50 || n == 3000);
        assertThat(s.count(q)).isEqualTo(3000);

        Iterable<Feature> failing = () -> new Iterator<>() {
            private final Iterator<Feature> it = ContractData.features(2500, 5).iterator();
            private int i;

            public boolean hasNext() { return true; }

            public Feature next() {
                if (++i > 2100) throw new IllegalStateException("source file truncated");
                return it.next();
            }
        };
        assertThatThrownBy(() -> s.replaceAll(failing)).hasMessageContaining("truncated");
        assertThat(s.count(q)).isEqualTo(3000);
        assertThat(store.types().stream().map(FeatureType::name)).noneMatch(n -> n.contains("__stg_"));
    }

    @Test
    void concurrentWritersAllCommitWithUniqueIds() throws Exception {
        FeatureStore s = create("concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 10; i++) ids.addAll(s.insert(ContractData.features(10, seed * 100L + i)));
                return ids;
            }));
        }
        Set<String> all = new HashSet<>();
        for (Future<List<String>> f : futures) all.addAll(f.get(60, TimeUnit.SECONDS));
        pool.shutdown();
        assertThat(all).hasSize(400);
        assertThat(s.count(FeatureQuery.all(s.type().name()))).isEqualTo(400);
        assertThat(s.version()).isEqualTo(40);
    }

    // ------------------------------------------------------------------ injection

    static final List<String> HOSTILE = List.of(
            "' OR '1'='1",
            "x'); DROP TABLE tm_layer; --",
            "\"; DELETE FROM \"ct_sample\" --",
            "%' OR 1=1 --",
            "\\' OR 1=1 --",
            "1; SELECT pg_sleep(5)",
            "') UNION SELECT fid, NULL FROM tm_layer --",
            "$$; DROP TABLE tm_layer; $$",
            "象山' OR 'a'='a",
            "\u0000",
            "\\");

    @Test
    void hostileStringsInEveryValuePositionAreHarmless() {
        FeatureStore s = create("hostile");
        List<String> ids = s.insert(ContractData.features(20, 9));
        FeatureQuery q = FeatureQuery.all(s.type().name());
        long before = s.count(q);
        List<String> types = store.types().stream().map(FeatureType::name).toList();
        for (String h : HOSTILE) {
            List<Filter> filters = List.of(
                    new Filter.Comparison("name", ComparisonOperator.EQ, h, true),
                    new Filter.Comparison("name", ComparisonOperator.NE, h, false),
                    new Filter.Comparison("floors", ComparisonOperator.EQ, h, true),
                    new Filter.Comparison("observed", ComparisonOperator.LT, h, true),
                    new Filter.Like("name", h, true),
                    new Filter.Like("name", "%" + h + "%", false),
                    new Filter.In("use", List.of(h, "public")),
                    new Filter.Between("name", h, h + "z"),
                    new Filter.ResourceId(Set.of(h, ids.get(0))),
                    new Filter.IsNull(h),
                    new Filter.Comparison(h, ComparisonOperator.EQ, 1, true));
            for (Filter f : filters) {
                Throwable t = catchThrowable(() -> {
                    List<Feature> got = list(s.query(q.withFilter(f)));
                    assertThat(got.size()).isLessThanOrEqualTo((int) before);
                });
                assertThat(t).as("%s with %s", f, h).satisfiesAnyOf(
                        x -> assertThat(x).isNull(),
                        x -> assertThat(x).isInstanceOfSatisfying(GeoServiceException.class,
                                e -> assertThat(e.kind()).isEqualTo(GeoServiceException.Kind.INVALID_PARAMETER)));
            }
            Throwable sortError = catchThrowable(() -> list(s.query(q.withSort(List.of(new SortKey(h, true))))));
            assertThat(sortError).isInstanceOf(GeoServiceException.class);
        }
        // values travel intact: a hostile id and name are stored and read back verbatim
        String hostileId = "x'); DROP TABLE tm_layer; --";
        String hostileName = HOSTILE.get(2);
        s.insert(List.of(new Feature(hostileId, null, Map.of("name", hostileName))));
        Feature back = list(s.query(q.withFilter(new Filter.ResourceId(Set.of(hostileId))))).getFirst();
        assertThat(back.get("name")).isEqualTo(hostileName);
        assertThat(list(s.query(q.withFilter(new Filter.Like("name", hostileName, true))))).extracting(Feature::id).containsExactly(hostileId);
        s.update(new Filter.ResourceId(Set.of(hostileId)), Map.of("use", HOSTILE.get(1)));
        assertThat(s.count(q.withFilter(new Filter.Comparison("use", ComparisonOperator.EQ, HOSTILE.get(1), true)))).isEqualTo(1);
        // and nothing else changed
        assertThat(s.count(q)).isEqualTo(before + 1);
        assertThat(store.types().stream().map(FeatureType::name).toList()).containsAll(types);
        assertThat(sample.count(all())).isEqualTo(N);
    }
}
