package org.tidemark.sensors.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.Alert;
import org.tidemark.core.sensor.AlertKind;
import org.tidemark.core.sensor.InMemoryObservationStore;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;
import org.tidemark.core.sensor.StationStatus;
import org.tidemark.sensors.TestStations;
import org.tidemark.sensors.live.LiveBus;
import org.tidemark.sensors.live.LiveEvent;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationRegistry;
import org.tidemark.sensors.model.StationStates;
import org.tidemark.sensors.model.StatusEvaluator;

class ThresholdEngineTest {
    private static final Instant T0 = Instant.parse("2026-09-14T00:00:00Z");
    private final StationRegistry registry = TestStations.registry();
    private final InMemoryObservationStore store = new InMemoryObservationStore();
    private final LatestValues latest = new LatestValues();
    private final StationStates states = new StationStates();
    private final LiveBus bus = new LiveBus(1000, 1000);
    private final LiveBus.Subscription events = bus.subscribe(-1);
    private final ThresholdEngine engine = new ThresholdEngine(registry, latest, new RainAccumulator(), states,
            new StatusEvaluator(0.05, 0.1), store, bus, Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC), 0.5);

    private void feed(String station, String property, int minute, double v) {
        Observation o = new Observation(station, property, T0.plusSeconds(60L * minute), null, v,
                property.equals("DRP") ? "mm" : "m", Quality.GOOD);
        engine.committed(store.append(List.of(o)));
    }

    private List<Alert> alerts() { return store.alerts(Instant.EPOCH, 100).reversed(); }

    @Test
    void crossingsUpAndDownLogOneAlertEachWithHysteresis() {
        feed(TestStations.RIVER, "Z", 0, 3.0);
        assertThat(states.get(TestStations.RIVER).status()).isEqualTo(StationStatus.NORMAL);
        assertThat(alerts()).isEmpty();                         // first reading below thresholds: no alert
        feed(TestStations.RIVER, "Z", 30, 4.1);
        feed(TestStations.RIVER, "Z", 60, 4.2);                 // still warning: no second alert
        feed(TestStations.RIVER, "Z", 90, 3.98);                // inside the band: still warning
        feed(TestStations.RIVER, "Z", 120, 5.1);
        feed(TestStations.RIVER, "Z", 150, 3.5);
        List<Alert> crossings = alerts().stream().filter(a -> a.kind() != AlertKind.RATE_OF_RISE).toList();
        assertThat(crossings).extracting(a -> a.kind() + ":" + a.from() + ">" + a.to()).containsExactly(
                "RAISED:NORMAL>WARNING", "RAISED:WARNING>DANGER", "CLEARED:DANGER>NORMAL");
        Alert danger = crossings.get(1);
        assertThat(danger.threshold()).isEqualTo(5.0);
        assertThat(danger.value()).isEqualTo(5.1);
        assertThat(danger.observedAt()).isEqualTo(T0.plusSeconds(120 * 60));
        assertThat(danger.message()).contains("大目溪站");
    }

    @Test
    void lateReadingDoesNotOverrideTheNewerLevel() {
        feed(TestStations.RIVER, "Z", 60, 4.5);
        feed(TestStations.RIVER, "Z", 0, 3.0);    // arrives late
        assertThat(latest.get(TestStations.RIVER, "Z")).get().extracting(Observation::value).isEqualTo(4.5);
        assertThat(states.get(TestStations.RIVER).status()).isEqualTo(StationStatus.WARNING);
    }

    @Test
    void fastRiseRaisesOneRateAlertPerHour() {
        feed(TestStations.TIDE, "TDZ", 0, 1.0);
        feed(TestStations.TIDE, "TDZ", 10, 1.2);   // 1.2 m/h
        feed(TestStations.TIDE, "TDZ", 20, 1.4);   // again, within the hour: no repeat
        assertThat(alerts()).filteredOn(a -> a.kind() == AlertKind.RATE_OF_RISE).hasSize(1)
                .first().satisfies(a -> assertThat(a.value()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void rainAccumulationRaisesWarningThenDanger() {
        for (int m = 0; m < 60; m += 10) feed(TestStations.RAIN, "DRP", m, 6.0);   // 36 mm in an hour
        assertThat(states.get(TestStations.RAIN).status()).isEqualTo(StationStatus.WARNING);
        assertThat(states.get(TestStations.RAIN).property()).isEqualTo("DRP_1H");
        for (int m = 60; m < 120; m += 10) feed(TestStations.RAIN, "DRP", m, 12.0); // 72 mm in the last hour
        assertThat(states.get(TestStations.RAIN).status()).isEqualTo(StationStatus.DANGER);
        assertThat(alerts()).extracting(Alert::to).containsExactly(StationStatus.WARNING, StationStatus.DANGER);
    }

    @Test
    void reservoirOverFloodLimitWarns() {
        feed(TestStations.RESERVOIR, "RZ", 0, 29.8);
        assertThat(states.get(TestStations.RESERVOIR).status()).isEqualTo(StationStatus.WARNING);
        assertThat(alerts()).singleElement().extracting(Alert::property).isEqualTo("FSLTDZ");
    }

    @Test
    void publishesObservationStatusAndAlertEventsInOrder() {
        feed(TestStations.RIVER, "Z", 0, 4.4);
        List<LiveEvent> e = events.drain();
        assertThat(e).extracting(LiveEvent::type).containsExactly("observation", "status", "alert");
        assertThat(e.get(0).data()).containsEntry("STCD", TestStations.RIVER).containsEntry("value", 4.4);
        assertThat(e.get(1).data()).containsEntry("status", "warning");
        assertThat(e.get(2).data()).containsEntry("kind", "raised").containsKey("id");
        assertThat(e).extracting(LiveEvent::id).isSorted();
    }

    @Test
    void initializeSeedsCachesWithoutAlerts() {
        store.append(List.of(new Observation(TestStations.RIVER, "Z", T0, null, 5.5, "m", Quality.GOOD)));
        engine.initialize();
        assertThat(states.get(TestStations.RIVER).status()).isEqualTo(StationStatus.DANGER);
        assertThat(alerts()).isEmpty();
    }
}
