package org.tidemark.app.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test (issue 7, "Proof"): the packaged app on the embedded H2GIS store is killed with SIGKILL in the
 * middle of sustained HTTP ingest; after a restart on the same data directory every reading the server had
 * acknowledged with 2xx is stored (commit before acknowledge, and a durable commit).
 */
class IngestCrashIT {
    @TempDir Path dir;
    private volatile String base;

    @Test
    void everyAcknowledgedReadingSurvivesKillMinus9() throws Exception {
        Path data = dir.resolve("data");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
        List<String> stations;
        IngestLoad load;
        try (AppProcess app = AppProcess.start(data)) {
            base = app.base();
            stations = StationHistory.stationCodes(java.net.http.HttpClient.newHttpClient(), base).subList(0, 6);
            load = new IngestLoad(() -> base, stations, t0, 25);
            load.start(false);
            // sustained ingest: well past the first commits, so the kill lands among writes in progress
            waitFor(() -> load.acknowledgedCount() >= 3_000, Duration.ofMinutes(3), app::logTail);
            app.kill();
            load.join(Duration.ofMinutes(2));   // every sender ends on its broken connection
        }
        int acknowledged = load.acknowledgedCount();
        assertThat(load.statuses()).as("answers before the kill").isSubsetOf(200, 503);
        assertThat(load.connectionErrors()).as("requests cut by the kill").isPositive();

        try (AppProcess again = AppProcess.start(data)) {
            for (Map.Entry<String, Set<Instant>> e : load.acknowledged().entrySet()) {
                Set<Instant> stored = StationHistory.vtTimes(load.http(), again.base(), e.getKey(), t0, t0.plus(Duration.ofDays(1)));
                assertThat(stored).as("stored readings of %s after the restart (%d acknowledged in all)", e.getKey(), acknowledged)
                        .containsAll(e.getValue());
            }
        }
    }

    static void waitFor(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> diagnostics)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within " + timeout + "\n" + diagnostics.get());
            Thread.sleep(100);
        }
    }
}
