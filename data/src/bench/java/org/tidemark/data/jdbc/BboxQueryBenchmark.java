package org.tidemark.data.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureStore;
import org.tidemark.data.h2gis.H2gisDialect;
import org.tidemark.data.postgis.PostgisDialect;

/**
 * A bbox query returning about 1,000 of 1,000,000 polygons (a 1000 × 1000 grid of ~80 m squares over
 * Xiangshan), streamed to a no-op sink, on H2GIS and on PostGIS. Not a unit test: run it with the
 * {@code bench} profile (see data/BENCHMARK.md). The layer is loaded once and kept for later runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class BboxQueryBenchmark {
    static final String TYPE = "bench_grid";
    static final int SIDE = 1000;
    static final double X0 = 121.5;
    static final double Y0 = 29.0;
    static final double CELL = 0.001;
    /** 32 × 32 cells ≈ 1,024 features per query (a little more at the edges). */
    static final double QUERY = 31.5 * CELL;

    @Param({"h2gis", "postgis"})
    public String store;

    private HikariDataSource ds;
    private JdbcDataStore dataStore;
    private FeatureStore layer;
    private Random random;

    @Setup(Level.Trial)
    public void open() throws Exception {
        HikariConfig cfg = new HikariConfig();
        SqlDialect dialect;
        if (store.equals("h2gis")) {
            Path file = Path.of(System.getProperty("tidemark.bench.h2", "target/bench/grid")).toAbsolutePath();
            cfg.setJdbcUrl("jdbc:h2:file:" + file + ";MAX_MEMORY_ROWS=10000");
            cfg.setUsername("sa");
            cfg.setPassword("");
            dialect = new H2gisDialect();
        } else {
            String url = System.getenv().getOrDefault("TIDEMARK_BENCH_PG_URL",
                    System.getenv().getOrDefault("TIDEMARK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/tidemark_test?user=postgres"));
            cfg.setJdbcUrl(url);
            cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
            dialect = new PostgisDialect();
        }
        cfg.setMaximumPoolSize(4);
        ds = new HikariDataSource(cfg);
        dataStore = JdbcDataStore.open(ds, dialect, ds);
        layer = dataStore.store(TYPE).orElse(null);
        if (layer == null || layer.count(FeatureQuery.all(TYPE)) != (long) SIDE * SIDE) {
            if (layer != null) dataStore.drop(TYPE);
            layer = dataStore.create(type());
            load(layer);
            if (store.equals("postgis")) {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("ANALYZE \"" + TYPE + "\"");
                }
            }
        }
        random = new Random(7);
    }

    static FeatureType type() {
        return new FeatureType(TYPE, null, null, List.of(
                Attribute.of("name", AttributeType.STRING, "名称", "Name"),
                Attribute.of("height", AttributeType.DOUBLE, "高度", "Height")), "geom", GeometryKind.POLYGON, 4490, null);
    }

    static void load(FeatureStore layer) {
        GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4490);
        long t0 = System.nanoTime();
        for (int row = 0; row < SIDE; row += 10) {
            List<Feature> chunk = new ArrayList<>(10 * SIDE);
            for (int r = row; r < row + 10; r++) {
                for (int col = 0; col < SIDE; col++) {
                    double x = X0 + col * CELL;
                    double y = Y0 + r * CELL;
                    chunk.add(new Feature("", gf.toGeometry(new Envelope(x + 0.0001, x + 0.0009, y + 0.0001, y + 0.0009)),
                            Map.of("name", "楼 " + r + "-" + col, "height", (double) ((r * 31 + col) % 90))));
                }
            }
            layer.insert(chunk);
        }
        System.out.printf("loaded %d polygons in %.1f s%n", SIDE * SIDE, (System.nanoTime() - t0) / 1e9);
    }

    @TearDown(Level.Trial)
    public void close() {
        dataStore.close();
    }

    @Benchmark
    public int bboxQuery(Blackhole sink) {
        double x = X0 + random.nextDouble() * (SIDE * CELL - QUERY);
        double y = Y0 + random.nextDouble() * (SIDE * CELL - QUERY);
        int n = 0;
        try (FeatureCursor cursor = layer.query(FeatureQuery.all(TYPE).withBbox(new Envelope(x, x + QUERY, y, y + QUERY)))) {
            while (cursor.hasNext()) {
                sink.consume(cursor.next());
                n++;
            }
        }
        return n;
    }
}
