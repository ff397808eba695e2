package org.tidemark.core.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    private final Thresholds seasonal = new Thresholds(null, null, List.of(
            new FloodLimit(MonthDay.of(4, 15), MonthDay.of(7, 15), 28.0),      // plum-rain season
            new FloodLimit(MonthDay.of(7, 16), MonthDay.of(10, 15), 29.5),     // typhoon season
            new FloodLimit(MonthDay.of(10, 16), MonthDay.of(4, 14), 31.0)),    // wraps over new year
            null, null, null);

    @Test
    void floodLimitFollowsTheSeasonInChinaStandardTime() {
        assertThat(seasonal.floodLimitAt(Instant.parse("2026-05-01T00:00:00Z"))).contains(28.0);
        assertThat(seasonal.floodLimitAt(Instant.parse("2026-09-14T00:00:00Z"))).contains(29.5);
        assertThat(seasonal.floodLimitAt(Instant.parse("2026-01-10T00:00:00Z"))).contains(31.0);
        // 2026-07-15T17:00Z is already 16 July in Beijing
        assertThat(seasonal.floodLimitAt(Instant.parse("2026-07-15T17:00:00Z"))).contains(29.5);
    }

    @Test
    void noFloodLimitWhenNoneDefined() {
        assertThat(Thresholds.NONE.floodLimitAt(Instant.parse("2026-05-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void sttpCodesMapToKinds() {
        assertThat(StationKind.fromSttp("rr")).isEqualTo(StationKind.RESERVOIR);
        assertThat(StationKind.fromSttp("ZQ")).isEqualTo(StationKind.RIVER);
        assertThat(StationKind.RESERVOIR.levelProperty()).isEqualTo("RZ");
        assertThat(StationKind.RAIN.levelProperty()).isNull();
    }
}
