package org.tidemark.sensors.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.TemporalOperator;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.sensor.InMemoryObservationStore;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.sensors.TestStations;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationStates;
import org.tidemark.sensors.model.StatusEvaluator;

/** The gauges layer answering time-restricted queries (WMS TIME, WFS temporal filters) from history. */
class GaugeHistoryTest {
    private static final Instant T0 = Instant.parse("2026-09-14T02:00:00Z");
    private final InMemoryObservationStore store = new InMemoryObservationStore();
    private final StationStates states = new StationStates();
    private final AtomicLong version = new AtomicLong();
    private final LiveGaugesLayer layer = new LiveGaugesLayer(TestStations.registry(),
            new GaugeFeatures(new LatestValues(), new RainAccumulator(), states), states,
            new GaugeHistory(store, new StatusEvaluator(0.05, 0.1), Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC),
                    version::get), TestStations.WATER);

    GaugeHistoryTest() {
        store.append(List.of(
                obs(TestStations.RIVER, "Z", 0, 3.0), obs(TestStations.RIVER, "Z", 10, 4.3), obs(TestStations.RIVER, "Z", 20, 5.2),
                obs(TestStations.TIDE, "TDZ", 10, 3.5),
                obs(TestStations.RAIN, "DRP", 5, 20.0), obs(TestStations.RAIN, "DRP", 10, 15.0),
                obs(TestStations.RESERVOIR, "VT", 10, 12.0)));   // a property the layer does not show
    }

    private static Observation obs(String station, String property, int minute, double v) {
        return new Observation(station, property, T0.plusSeconds(60L * minute), null, v,
                property.equals("DRP") ? "mm" : property.equals("VT") ? "V" : "m", Quality.GOOD);
    }

    private static Filter at(int minute) {   // what WMS TIME=<instant> becomes
        Instant t = T0.plusSeconds(60L * minute);
        return new Filter.Temporal(TemporalOperator.INTERSECTS, "TM", t, t);
    }

    private List<Feature> query(Filter f) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = layer.query(FeatureQuery.all("gauges").withFilter(f))) { c.forEachRemaining(out::add); }
        return out;
    }

    private static Feature of(List<Feature> fs, String code) {
        return fs.stream().filter(f -> f.id().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void anInstantShowsTheStationsThatReportedThenWithTheirValuesAndStatusThen() {
        List<Feature> f = query(at(10));
        assertThat(f).extracting(Feature::id).containsExactly(TestStations.RIVER, TestStations.TIDE, TestStations.RAIN);
        assertThat(of(f, TestStations.RIVER).properties()).containsEntry("Z", 4.3).containsEntry("status", "warning")
                .containsEntry("TM", T0.plusSeconds(600));
        assertThat(of(f, TestStations.TIDE).properties()).containsEntry("TDZ", 3.5).containsEntry("status", "warning");
        assertThat(of(f, TestStations.RAIN).properties()).containsEntry("DRP", 15.0).containsEntry("DRP_1H", 35.0)
                .containsEntry("status", "warning");
        assertThat(query(at(0))).singleElement().satisfies(r -> assertThat(r.properties())
                .containsEntry("Z", 3.0).containsEntry("status", "normal"));
        assertThat(query(at(20))).singleElement().satisfies(r -> assertThat(r.properties())
                .containsEntry("Z", 5.2).containsEntry("status", "danger"));
        assertThat(query(at(7))).isEmpty();   // nobody reported at 02:07
    }

    @Test
    void aPeriodShowsEachStationsLastStateWithinItAndCombinesWithOtherPredicates() {
        Filter during = new Filter.Temporal(TemporalOperator.INTERSECTS, "TM", T0, T0.plusSeconds(15 * 60));
        assertThat(of(query(during), TestStations.RIVER).get("Z")).isEqualTo(4.3);
        Filter before = new Filter.Temporal(TemporalOperator.BEFORE, "TM", T0.plusSeconds(600), null);
        assertThat(query(before)).extracting(Feature::id).containsExactly(TestStations.RIVER, TestStations.RAIN);
        assertThat(of(query(before), TestStations.RIVER).get("Z")).isEqualTo(3.0);
        Filter warningThen = Filter.and(during, new Filter.Comparison("STTP", ComparisonOperator.EQ, "ZZ", true));
        assertThat(query(warningThen)).extracting(Feature::id).containsExactly(TestStations.RIVER);
        assertThat(layer.count(FeatureQuery.all("gauges").withFilter(during))).isEqualTo(3);
    }

    @Test
    void theHistoryStartsAtTheOldestStoredReading() {
        assertThat(layer.historyStart()).isEqualTo(T0);
        store.append(List.of(obs(TestStations.TIDE, "TDZ", -30, 2.9)));   // a late reading from before
        assertThat(layer.historyStart()).isEqualTo(T0.minusSeconds(1800));
    }

    @Test
    void withoutATimeRestrictionTheLayerShowsTheLatestValues() {
        assertThat(query(Filter.INCLUDE)).hasSize(5).allSatisfy(f -> assertThat(f.get("status")).isEqualTo("no_data"));
        Filter either = new Filter.Or(List.of(at(10), new Filter.Comparison("STCD", ComparisonOperator.EQ, "x", true)));
        assertThat(GaugeHistory.window(either)).isEmpty();   // a time under Or is evaluated on the latest TM
    }

    @Test
    void intersectingRestrictionsNarrowTheWindow() {
        Filter both = Filter.and(new Filter.Temporal(TemporalOperator.AFTER, "TM", T0, null),
                new Filter.Temporal(TemporalOperator.BEFORE, "TM", T0.plusSeconds(900), null));
        assertThat(GaugeHistory.window(both)).contains(new GaugeHistory.Window(T0.plusNanos(1), T0.plusSeconds(900).minusNanos(1)));
        assertThat(GaugeHistory.window(Filter.INCLUDE)).isEmpty();
    }
}
