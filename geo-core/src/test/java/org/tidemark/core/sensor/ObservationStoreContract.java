package org.tidemark.core.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ObservationStore} must have; each implementation's test extends this
 * class and supplies a fresh, empty store.
 */
public abstract class ObservationStoreContract {
    protected static final Instant T0 = Instant.parse("2026-09-14T02:00:00Z");

    /** A new empty store (called once per test). */
    protected abstract ObservationStore store();

    protected static Observation obs(String station, String property, int minute, double value) {
        return new Observation(station, property, T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute + 5),
                value, property.equals("DRP") ? "mm" : "m", Quality.GOOD);
    }

    @Test
    void appendReturnsOnlyNewReadingsAndDropsDuplicates() {
        ObservationStore s = store();
        List<Observation> first = List.of(obs("63201100", "Z", 0, 2.10), obs("63201100", "Z", 5, 2.20));
        assertThat(s.append(first)).containsExactlyElementsOf(first);
        Observation dupWithOtherValue = obs("63201100", "Z", 5, 9.99);
        Observation fresh = obs("63201100", "Z", 10, 2.30);
        assertThat(s.append(List.of(dupWithOtherValue, fresh))).containsExactly(fresh);
        assertThat(s.history("63201100", "Z", T0, T0.plusSeconds(3600), 100))
                .extracting(Observation::value).containsExactly(2.10, 2.20, 2.30);
    }

    @Test
    void duplicatesInsideOneBatchAreStoredOnce() {
        ObservationStore s = store();
        Observation a = obs("63201100", "Z", 0, 2.10);
        assertThat(s.append(List.of(a, obs("63201100", "Z", 0, 2.15)))).containsExactly(a);
        assertThat(s.history("63201100", null, T0, T0.plusSeconds(60), 10)).hasSize(1);
    }

    @Test
    void latestIsTheGreatestPhenomenonTimeWhateverTheArrivalOrder() {
        ObservationStore s = store();
        s.append(List.of(obs("63201100", "Z", 10, 2.30)));
        s.append(List.of(obs("63201100", "Z", 0, 2.10)));      // late reading
        s.append(List.of(obs("63201100", "DRP", 5, 4.5), obs("63201200", "RZ", 3, 31.2)));
        assertThat(s.latest("63201100", "Z")).get().extracting(Observation::value).isEqualTo(2.30);
        assertThat(s.latest("63201100", "Q")).isEmpty();
        assertThat(s.latest()).extracting(o -> o.station() + "/" + o.property() + "=" + o.value())
                .containsExactlyInAnyOrder("63201100/Z=2.3", "63201100/DRP=4.5", "63201200/RZ=31.2");
    }

    @Test
    void historyIsOrderedHalfOpenFilteredAndLimited() {
        ObservationStore s = store();
        s.append(List.of(obs("A", "Z", 20, 3.0), obs("A", "Z", 0, 1.0), obs("A", "DRP", 10, 7.0),
                obs("A", "Z", 10, 2.0), obs("B", "Z", 10, 9.0)));
        Instant from = T0, to = T0.plusSeconds(20 * 60);
        assertThat(s.history("A", null, from, to, 100)).extracting(Observation::value).containsExactly(1.0, 7.0, 2.0);
        assertThat(s.history("A", "Z", from, T0.plusSeconds(3600), 100)).extracting(Observation::value)
                .containsExactly(1.0, 2.0, 3.0);
        assertThat(s.history("A", "Z", from, T0.plusSeconds(3600), 2)).hasSize(2);
        assertThat(s.history("nope", "Z", from, to, 10)).isEmpty();
    }

    @Test
    void newestBetweenIsEverySeriesNewestReadingInTheClosedInterval() {
        ObservationStore s = store();
        s.append(List.of(obs("A", "Z", 0, 1.0), obs("A", "Z", 10, 2.0), obs("A", "Z", 20, 3.0),
                obs("A", "DRP", 5, 7.0), obs("B", "Z", 30, 9.0)));
        assertThat(s.newestBetween(T0, T0.plusSeconds(10 * 60)))
                .extracting(o -> o.station() + "/" + o.property() + "=" + o.value())
                .containsExactly("A/DRP=7.0", "A/Z=2.0");
        assertThat(s.newestBetween(T0.plusSeconds(10 * 60), T0.plusSeconds(10 * 60)))   // an instant: exact times only
                .extracting(Observation::value).containsExactly(2.0);
        assertThat(s.newestBetween(T0.plusSeconds(21 * 60), T0.plusSeconds(3600)))
                .extracting(Observation::station).containsExactly("B");
        assertThat(s.newestBetween(T0.minusSeconds(3600), T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void earliestIsTheOldestReadingOfAnySeriesWhateverTheArrivalOrder() {
        ObservationStore s = store();
        assertThat(s.earliest()).isEmpty();
        s.append(List.of(obs("A", "Z", 20, 3.0), obs("B", "DRP", 40, 1.0)));
        s.append(List.of(obs("B", "Z", 7, 9.0), obs("A", "Z", 12, 2.0)));   // late readings, older than the first batch
        assertThat(s.earliest()).contains(T0.plusSeconds(7 * 60));
    }

    @Test
    void observationFieldsSurviveTheRoundTrip() {
        ObservationStore s = store();
        Observation o = new Observation("63201100", "TDZ", Instant.parse("2026-09-14T02:00:00.250Z"),
                Instant.parse("2026-09-14T02:00:03Z"), -0.125, "m", Quality.SUSPECT);
        s.append(List.of(o));
        assertThat(s.latest("63201100", "TDZ")).contains(o);
        assertThat(s.history("63201100", "TDZ", T0, T0.plusSeconds(1), 1)).containsExactly(o);
    }

    @Test
    void alertsAreLoggedNewestFirstAndAcknowledgedOnce() {
        ObservationStore s = store();
        Alert a1 = s.appendAlert(alert("63201100", StationStatus.NORMAL, StationStatus.WARNING, 1));
        Alert a2 = s.appendAlert(alert("63201100", StationStatus.WARNING, StationStatus.DANGER, 2));
        assertThat(a1.id()).isPositive();
        assertThat(a2.id()).isNotEqualTo(a1.id());
        assertThat(s.alerts(T0, 10)).extracting(Alert::id).containsExactly(a2.id(), a1.id());
        assertThat(s.alerts(T0.plusSeconds(120), 10)).extracting(Alert::id).containsExactly(a2.id());
        Instant at = T0.plusSeconds(600);
        assertThat(s.acknowledge(a1.id(), "duty-officer", at)).get()
                .satisfies(a -> {
                    assertThat(a.acknowledgedBy()).isEqualTo("duty-officer");
                    assertThat(a.acknowledgedAt()).isEqualTo(at);
                });
        assertThat(s.acknowledge(a1.id(), "someone-else", at.plusSeconds(5))).get()
                .extracting(Alert::acknowledgedBy).isEqualTo("duty-officer");
        assertThat(s.acknowledge(999_999, "x", at)).isEmpty();
        assertThat(s.alerts(T0, 10)).filteredOn(a -> a.id() == a1.id()).singleElement()
                .extracting(Alert::acknowledgedBy).isEqualTo("duty-officer");
    }

    private static Alert alert(String station, StationStatus from, StationStatus to, int minute) {
        Instant t = T0.plusSeconds(60L * minute);
        return new Alert(0, station, AlertKind.RAISED, from, to, "Z", 4.2, 4.0, t, t, "Z 4.20 m ≥ WRZ 4.00 m",
                null, null);
    }
}
