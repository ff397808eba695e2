package org.tidemark.sensors.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.InMemoryObservationStore;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.StationKind;
import org.tidemark.sensors.TestStations;
import org.tidemark.sensors.ingest.IngestPipeline;
import org.tidemark.sensors.ingest.IngestService;
import org.tidemark.sensors.ingest.ObservationInput;
import org.tidemark.sensors.ingest.ObservationValidator;
import org.tidemark.sensors.ingest.RejectCounters;
import org.tidemark.sensors.model.StationRegistry;

class TyphoonSimulatorTest {
    private final StationRegistry registry = TestStations.registry();
    private final Duration cycle = Duration.ofMinutes(30);
    private final Instant cycleStart = Instant.ofEpochSecond(Math.floorDiv(Instant.parse("2026-09-14T00:00:00Z").getEpochSecond(), 1800) * 1800);

    private TyphoonSimulator sim(long seed) {
        return new TyphoonSimulator(registry, null, Clock.systemUTC(), seed, Duration.ofSeconds(10), cycle);
    }

    private Map<String, Double> at(TyphoonSimulator s, double phase) {
        Instant t = cycleStart.plusSeconds((long) (phase * cycle.toSeconds()));
        return s.readingsAt(t).stream().collect(Collectors.toMap(ObservationInput::station, ObservationInput::value));
    }

    @Test
    void sameSeedSameScenario() {
        assertThat(sim(7).readingsAt(cycleStart.plusSeconds(600))).isEqualTo(sim(7).readingsAt(cycleStart.plusSeconds(605)));
        assertThat(sim(7).readingsAt(cycleStart.plusSeconds(900))).isNotEqualTo(sim(8).readingsAt(cycleStart.plusSeconds(900)));
    }

    @Test
    void dangerStationsPassTheGuaranteeLevelAtThePeakAndCalmOnesStayBelowWarning() {
        TyphoonSimulator s = sim(20260914L);
        Map<String, Double> calm = at(s, 0.02), peak = at(s, 0.62);
        for (Station st : registry.all()) {
            if (st.kind() == StationKind.RAIN || st.thresholds().warningLevel() == null) continue;
            assertThat(calm.get(st.code())).as("calm " + st.code()).isLessThan(st.thresholds().warningLevel());
            switch (s.role(st.code())) {
                case DANGER -> assertThat(peak.get(st.code())).as(st.code()).isGreaterThanOrEqualTo(st.thresholds().guaranteeLevel());
                case WARNING -> assertThat(peak.get(st.code())).as(st.code()).isBetween(st.thresholds().warningLevel(), st.thresholds().guaranteeLevel());
                case CALM -> assertThat(peak.get(st.code())).as(st.code()).isLessThan(st.thresholds().warningLevel());
            }
        }
        assertThat(registry.all()).extracting(st -> s.role(st.code())).contains(TyphoonSimulator.Role.DANGER);
        assertThat(at(s, 0.02).get(TestStations.RAIN)).isZero();
        assertThat(at(s, 0.5).get(TestStations.RAIN)).isPositive();
    }

    @Test
    void everyDemoReadingPassesIngestValidation() {
        TyphoonSimulator s = sim(1);
        Instant now = Instant.now();
        IngestPipeline pipeline = new IngestPipeline(new InMemoryObservationStore(), 100, 10);
        try {
            IngestService ingest = new IngestService(new ObservationValidator(registry, Clock.fixed(now, ZoneOffset.UTC),
                    Duration.ofMinutes(5)), pipeline, new RejectCounters());
            for (int i = 0; i < 180; i++) {
                List<ObservationInput> in = s.readingsAt(now.minusSeconds(10L * i));
                assertThat(ingest.check("demo", in).rejected()).isEmpty();
            }
        } finally {
            pipeline.close();
        }
    }
}
