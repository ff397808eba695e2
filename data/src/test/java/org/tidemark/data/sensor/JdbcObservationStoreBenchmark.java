package org.tidemark.data.sensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;

/**
 * Benchmark (excluded from the default build; {@code sensor-overlay/bench/run.sh} runs it): sustained
 * append rate of {@link JdbcObservationStore} in batches like the ingest pipeline writes them, on an
 * H2 file database and, when {@code TIDEMARK_TEST_PG_URL} is set, on PostgreSQL; and the time of the
 * latest-value read of every station.
 */
@Tag("benchmark")
class JdbcObservationStoreBenchmark {
    private static final int STATIONS = 200;

    @Test
    void appendRateAndLatestRead() throws Exception {
        int total = Integer.getInteger("bench.readings", 100_000);
        int batch = Integer.getInteger("bench.batch", 500);
        Path dir = Files.createTempDirectory("tm-bench");
        run("H2 file", H2ObservationStoreTest.h2("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";DB_CLOSE_DELAY=-1"), total, batch);   // kept open as a pool would
        String pg = System.getenv("TIDEMARK_TEST_PG_URL");
        if (pg != null && !pg.isBlank()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(pg);
            try (var c = ds.getConnection(); var s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS sensor_observation, sensor_latest, sensor_alert");
            }
            run("PostgreSQL", ds, total, batch);
        }
    }

    private static void run(String name, DataSource ds, int total, int batch) {
        JdbcObservationStore store = new JdbcObservationStore(ds);
        Instant t0 = Instant.parse("2026-09-14T00:00:00Z");
        long start = System.nanoTime();
        for (int done = 0; done < total; done += batch) {
            List<Observation> obs = new ArrayList<>(batch);
            for (int i = done; i < done + batch; i++) {
                obs.add(new Observation(String.format("6399%04d", i % STATIONS), "Z", t0.plusMillis(i), null,
                        1 + (i % 100) / 100.0, "m", Quality.GOOD));
            }
            store.append(obs);
        }
        double s = (System.nanoTime() - start) / 1e9;
        long r0 = System.nanoTime();
        int n = store.latest().size();
        double latestMs = (System.nanoTime() - r0) / 1e6;
        System.out.printf("BENCH %s: %d readings in batches of %d: %.1f s = %.0f readings/s; latest() of %d stations %.1f ms%n",
                name, total, batch, s, total / s, n, latestMs);
    }
}
