package org.tidemark.sensors.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.StationKind;
import org.tidemark.sensors.TestStations;

class StationRegisterReaderTest {
    @Test
    void readsSl323FieldsIntoStationsAndThresholds() {
        StationRegistry r = TestStations.registry();
        assertThat(r.size()).isEqualTo(5);
        Station res = r.find(TestStations.RESERVOIR).orElseThrow();
        assertThat(res.kind()).isEqualTo(StationKind.RESERVOIR);
        assertThat(res.name().zh()).isEqualTo("仓岙水库");
        assertThat(res.name().en()).isEqualTo("Cang'ao Reservoir");
        assertThat(res.department()).isEqualTo("water");
        assertThat(res.datum()).isEqualTo("1985国家高程基准");
        assertThat(res.longitude()).isEqualTo(121.80);
        assertThat(res.thresholds().warningLevel()).isEqualTo(31.0);
        assertThat(res.thresholds().floodLimitAt(java.time.Instant.now())).contains(29.5);
        Station rain = r.find(TestStations.RAIN).orElseThrow();
        assertThat(rain.thresholds().rain3h()).isEqualTo(50.0);
        assertThat(rain.thresholds().warningLevel()).isNull();
        assertThat(r.find("nope")).isEmpty();
        assertThat(r.find(null)).isEmpty();
    }
}
