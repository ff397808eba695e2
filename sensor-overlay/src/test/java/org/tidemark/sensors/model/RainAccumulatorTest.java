package org.tidemark.sensors.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RainAccumulatorTest {
    private final Instant t0 = Instant.parse("2026-09-14T00:00:00Z");

    @Test
    void totalsCoverHalfOpenWindowsEndingAtTheNewestReading() {
        RainAccumulator acc = new RainAccumulator();
        for (int h = 0; h < 30; h++) acc.add("P", t0.plus(Duration.ofHours(h)), 1.0);   // 1 mm per hour
        RainAccumulator.RainTotals t = acc.totals("P");
        assertThat(t.h1()).isEqualTo(1.0);
        assertThat(t.h3()).isEqualTo(3.0);
        assertThat(t.h24()).isEqualTo(24.0);
        assertThat(acc.totals("none")).isEqualTo(new RainAccumulator.RainTotals(0, 0, 0));
    }

    @Test
    void lateReadingsCountAndDuplicatesReplace() {
        RainAccumulator acc = new RainAccumulator();
        acc.add("P", t0.plusSeconds(3000), 5.0);
        acc.add("P", t0.plusSeconds(600), 2.5);    // late
        acc.add("P", t0.plusSeconds(600), 2.5);    // same slot again
        assertThat(acc.total("P", Duration.ofHours(1))).isEqualTo(7.5);
    }
}
