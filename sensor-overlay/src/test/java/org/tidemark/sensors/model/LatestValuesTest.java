package org.tidemark.sensors.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;

class LatestValuesTest {
    private final Instant t0 = Instant.parse("2026-09-14T00:00:00Z");

    private Observation z(int minute, double v) {
        return new Observation("A", "Z", t0.plusSeconds(60L * minute), null, v, "m", Quality.GOOD);
    }

    @Test
    void keepsTheNewestAndDerivesTheTrend() {
        LatestValues l = new LatestValues();
        assertThat(l.offer(z(10, 2.0))).isTrue();
        assertThat(l.trend("A", "Z")).isNull();
        assertThat(l.offer(z(5, 9.0))).isFalse();          // late: kept out, trend unchanged
        assertThat(l.get("A", "Z")).get().extracting(Observation::value).isEqualTo(2.0);
        l.offer(z(15, 2.3));
        assertThat(l.trend("A", "Z")).isEqualTo(LatestValues.RISING);
        l.offer(z(20, 2.295));
        assertThat(l.trend("A", "Z")).isEqualTo(LatestValues.STEADY);
        l.offer(z(25, 2.1));
        assertThat(l.trend("A", "Z")).isEqualTo(LatestValues.FALLING);
        l.offer(z(25 + 4 * 60, 3.0));                      // previous reading too old
        assertThat(l.trend("A", "Z")).isNull();
    }
}
