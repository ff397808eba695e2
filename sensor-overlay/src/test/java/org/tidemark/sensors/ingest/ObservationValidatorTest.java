package org.tidemark.sensors.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;
import org.tidemark.sensors.TestStations;

class ObservationValidatorTest {
    private final Instant now = Instant.parse("2026-09-14T02:00:00Z");
    private final ObservationValidator v = new ObservationValidator(TestStations.registry(),
            Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(5));

    private RejectReason reason(ObservationInput in) {
        ObservationValidator.Outcome o = v.validate(3, in);
        assertThat(o.valid()).isFalse();
        assertThat(o.rejection().index()).isEqualTo(3);
        return o.rejection().reason();
    }

    private static ObservationInput in(String station, String property, String time, Double value, String unit, String q) {
        return new ObservationInput(station, property, time, value, unit, q);
    }

    @Test
    void acceptsAWellFormedReadingAndNormalisesIt() {
        ObservationValidator.Outcome o = v.validate(0, in(TestStations.RIVER, "Z", "2026-09-14T09:55:00+08:00", 3.21, "m", "suspect"));
        assertThat(o.valid()).isTrue();
        Observation obs = o.observation();
        assertThat(obs.phenomenonTime()).isEqualTo(Instant.parse("2026-09-14T01:55:00Z"));
        assertThat(obs.resultTime()).isEqualTo(now);
        assertThat(obs.unit()).isEqualTo("m");
        assertThat(obs.quality()).isEqualTo(Quality.SUSPECT);
        assertThat(v.validate(0, in(TestStations.RAIN, "DRP", "2026-09-14T01:55:00Z", 0.5, null, null)).observation().unit())
                .isEqualTo("mm");
    }

    @Test
    void refusesEachKindOfDefectWithItsReason() {
        String t = "2026-09-14T01:55:00Z";
        assertThat(reason(null)).isEqualTo(RejectReason.MALFORMED);
        assertThat(reason(in(null, "Z", t, 1.0, null, null))).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reason(in(TestStations.RIVER, "Z", t, null, null, null))).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reason(in("99999999", "Z", t, 1.0, null, null))).isEqualTo(RejectReason.UNKNOWN_STATION);
        assertThat(reason(in(TestStations.RIVER, "FOO", t, 1.0, null, null))).isEqualTo(RejectReason.UNKNOWN_PROPERTY);
        assertThat(reason(in(TestStations.RIVER, "Z", t, 1.0, "cm", null))).isEqualTo(RejectReason.BAD_UNIT);
        assertThat(reason(in(TestStations.RIVER, "Z", t, 900.0, null, null))).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(reason(in(TestStations.RAIN, "DRP", t, -1.0, null, null))).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(reason(in(TestStations.RIVER, "Z", t, Double.NaN, null, null))).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(reason(in(TestStations.RIVER, "Z", "2026-09-14 01:55", 1.0, null, null))).isEqualTo(RejectReason.BAD_TIME);
        assertThat(reason(in(TestStations.RIVER, "Z", "2026-09-14T01:55:00", 1.0, null, null))).isEqualTo(RejectReason.BAD_TIME);
        assertThat(reason(in(TestStations.RIVER, "Z", "2026-09-14T02:06:00Z", 1.0, null, null))).isEqualTo(RejectReason.FUTURE_TIME);
        assertThat(reason(in(TestStations.RIVER, "Z", t, 1.0, null, "excellent"))).isEqualTo(RejectReason.BAD_QUALITY);
    }

    @Test
    void clockSkewWithinToleranceIsAccepted() {
        assertThat(v.validate(0, in(TestStations.RIVER, "Z", "2026-09-14T02:04:00Z", 1.0, null, null)).valid()).isTrue();
    }
}
