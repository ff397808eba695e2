package org.tidemark.data.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidemark.core.sensor.Observation;

/**
 * Kill -9 during sustained writes: every reading whose append had returned (was acknowledged) must be
 * in the H2 file afterwards.
 */
class H2DurabilityTest {
    @TempDir Path dir;

    @Test
    void everyAcknowledgedReadingSurvivesSigkill() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("sensors").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), url).redirectError(new File(dir.toFile(), "child.err")).start();
        int acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("acked ")) acked = Integer.parseInt(line.substring(6));
                if (acked >= 400) break;
            }
            child.destroyForcibly();          // SIGKILL: no shutdown hook, no orderly close
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(acked).isGreaterThanOrEqualTo(400);

        JdbcDataSource ds = H2ObservationStoreTest.h2(url);
        JdbcObservationStore reopened = new JdbcObservationStore(ds);
        Instant t0 = Instant.parse("2026-09-14T00:00:00Z");
        int found = 0;
        for (int s = 0; s < 7; s++) {
            found += reopened.history("S" + s, "Z", t0, t0.plusSeconds(acked), 1_000_000).size();
        }
        assertThat(found).as("acknowledged readings present after the crash").isEqualTo(acked);
        assertThat(reopened.history("S0", "Z", t0, t0.plusSeconds(1), 1)).extracting(Observation::value)
                .containsExactly(0.0);
    }
}
