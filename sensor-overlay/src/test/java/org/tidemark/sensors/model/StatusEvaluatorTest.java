package org.tidemark.sensors.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.core.sensor.StationStatus.DANGER;
import static org.tidemark.core.sensor.StationStatus.NORMAL;
import static org.tidemark.core.sensor.StationStatus.NO_DATA;
import static org.tidemark.core.sensor.StationStatus.WARNING;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.StationStatus;
import org.tidemark.sensors.TestStations;

class StatusEvaluatorTest {
    private final StationRegistry registry = TestStations.registry();
    private final Station river = registry.find(TestStations.RIVER).orElseThrow();
    private final Station reservoir = registry.find(TestStations.RESERVOIR).orElseThrow();
    private final Station rain = registry.find(TestStations.RAIN).orElseThrow();
    private final StatusEvaluator eval = new StatusEvaluator(0.05, 0.1);
    private final Instant t = Instant.parse("2026-09-14T02:00:00Z");

    private StationStatus level(Station s, double v, StationStatus prev) { return eval.level(s, v, t, prev).status(); }

    @Test
    void levelsAtOrAboveWarningAndGuaranteeLevels() {
        assertThat(level(river, 3.99, NO_DATA)).isEqualTo(NORMAL);
        assertThat(level(river, 4.00, NO_DATA)).isEqualTo(WARNING);
        assertThat(level(river, 4.99, NO_DATA)).isEqualTo(WARNING);
        assertThat(level(river, 5.00, NO_DATA)).isEqualTo(DANGER);
    }

    @Test
    void reservoirAboveTheFloodLimitIsAWarningEvenBelowWrz() {
        StatusEvaluator.Judgement j = eval.level(reservoir, 29.6, t, NORMAL);
        assertThat(j.status()).isEqualTo(WARNING);
        assertThat(j.property()).isEqualTo("FSLTDZ");
        assertThat(j.threshold()).isEqualTo(29.5);
        assertThat(level(reservoir, 29.5, NORMAL)).isEqualTo(NORMAL);   // "above", not "at"
        assertThat(level(reservoir, 32.6, NORMAL)).isEqualTo(DANGER);
    }

    @Test
    void fallingLevelsClearOnlyBelowTheHysteresisBand() {
        assertThat(level(river, 3.97, WARNING)).isEqualTo(WARNING);     // within 5 cm below WRZ
        assertThat(level(river, 3.94, WARNING)).isEqualTo(NORMAL);
        assertThat(level(river, 4.97, DANGER)).isEqualTo(DANGER);
        assertThat(level(river, 4.90, DANGER)).isEqualTo(WARNING);
        assertThat(level(river, 3.00, DANGER)).isEqualTo(NORMAL);
    }

    @Test
    void rainJudgedOnEachAccumulationWindow() {
        assertThat(eval.rain(rain, new RainAccumulator.RainTotals(10, 20, 40), NO_DATA).status()).isEqualTo(NORMAL);
        StatusEvaluator.Judgement oneHour = eval.rain(rain, new RainAccumulator.RainTotals(31, 31, 31), NO_DATA);
        assertThat(oneHour.status()).isEqualTo(WARNING);
        assertThat(oneHour.property()).isEqualTo("DRP_1H");
        StatusEvaluator.Judgement threeHours = eval.rain(rain, new RainAccumulator.RainTotals(20, 101, 101), NO_DATA);
        assertThat(threeHours.status()).isEqualTo(DANGER);
        assertThat(threeHours.property()).isEqualTo("DRP_3H");
        assertThat(eval.rain(rain, new RainAccumulator.RainTotals(0, 0, 100), NO_DATA).status()).isEqualTo(WARNING);
    }

    @Test
    void rainClearsOnlyBelowTheBand() {
        assertThat(eval.rain(rain, new RainAccumulator.RainTotals(28, 28, 28), WARNING).status()).isEqualTo(WARNING);
        assertThat(eval.rain(rain, new RainAccumulator.RainTotals(26, 26, 26), WARNING).status()).isEqualTo(NORMAL);
    }
}
