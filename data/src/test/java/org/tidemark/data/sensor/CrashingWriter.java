package org.tidemark.data.sensor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;

/**
 * A child process for {@link H2DurabilityTest}: appends batches to an H2 file database forever and
 * prints {@code acked N} after each append returns, i.e. after the point where the ingest pipeline
 * would acknowledge the readings to their sender. The parent kills it with SIGKILL.
 */
final class CrashingWriter {
    private CrashingWriter() {}

    public static void main(String[] args) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(args[0] + ";DB_CLOSE_DELAY=-1");   // kept open as a connection pool would
        ds.setUser("sa");
        JdbcObservationStore store = new JdbcObservationStore(ds);
        Instant t0 = Instant.parse("2026-09-14T00:00:00Z");
        for (int batch = 0; ; batch++) {
            List<Observation> obs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = batch * 20 + i;
                obs.add(new Observation("S" + (n % 7), "Z", t0.plusSeconds(n), null, n / 1000.0, "m", Quality.GOOD));
            }
            store.append(obs);
            System.out.println("acked " + (batch + 1) * 20);
            System.out.flush();
        }
    }
}
