package org.tidemark.sensors.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.query.SortKey;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;
import org.tidemark.core.sensor.StationStatus;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.sensors.TestStations;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationState;
import org.tidemark.sensors.model.StationStates;

class LiveGaugesLayerTest {
    private final LatestValues latest = new LatestValues();
    private final RainAccumulator rain = new RainAccumulator();
    private final StationStates states = new StationStates();
    private final LiveGaugesLayer layer = new LiveGaugesLayer(TestStations.registry(),
            new GaugeFeatures(latest, rain, states), states, TestStations.WATER);
    private final Instant tm = Instant.parse("2026-09-14T02:00:00Z");

    private List<Feature> all(FeatureQuery q) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = layer.query(q)) { c.forEachRemaining(out::add); }
        return out;
    }

    @Test
    void onePointPerStationWithLatestValuesStatusAndThresholds() {
        latest.offer(new Observation(TestStations.RIVER, "Z", tm, null, 4.3, "m", Quality.GOOD));
        states.put(TestStations.RIVER, new StationState(StationStatus.WARNING, "Z", 4.3, 4.0, tm));
        List<Feature> f = all(FeatureQuery.all("gauges"));
        assertThat(f).hasSize(5).extracting(Feature::id).isSorted();
        Feature river = f.stream().filter(x -> x.id().equals(TestStations.RIVER)).findFirst().orElseThrow();
        assertThat(river.properties()).containsEntry("STCD", TestStations.RIVER).containsEntry("STTP", "ZZ")
                .containsEntry("Z", 4.3).containsEntry("TM", tm).containsEntry("status", "warning")
                .containsEntry("WRZ", 4.0).containsEntry("GRZ", 5.0);
        assertThat(((Point) river.geometry()).getX()).isEqualTo(121.87);
        assertThat(f.stream().filter(x -> x.id().equals(TestStations.TIDE)).findFirst().orElseThrow().get("status"))
                .isEqualTo("no_data");
        assertThat(layer.type().attributeNames()).contains("STCD", "STNM", "STTP", "Z", "RZ", "TDZ", "DRP", "TM",
                "status", "WRZ", "GRZ", "FSLTDZ");
        assertThat(layer.layer().live()).isTrue();
        assertThat(layer.layer().name()).isEqualTo("gauges");
    }

    @Test
    void bboxSortPagingAndPropertySelection() {
        FeatureQuery q = FeatureQuery.all("gauges").withBbox(new Envelope(121.7, 121.9, 29.4, 29.6))
                .withSort(List.of(new SortKey("STNM_EN", false)));
        assertThat(all(q)).extracting(Feature::id)
                .containsExactly(TestStations.RAIN, TestStations.RIVER, TestStations.RESERVOIR);
        assertThat(layer.count(q.withPage(1, 1))).isEqualTo(3);
        assertThat(all(q.withPage(1, 1))).extracting(Feature::id).containsExactly(TestStations.RIVER);
        assertThat(all(q.withProperties(List.of("STCD"))).get(0).properties()).containsOnlyKeys("STCD");
        assertThat(layer.extent()).isEqualTo(new Envelope(121.75, 122.0, 28.9, 29.55));
    }

    @Test
    void versionChangesWithState() {
        long v = layer.version();
        states.put(TestStations.RIVER, new StationState(StationStatus.NORMAL, "Z", 1, 4, tm));
        assertThat(layer.version()).isGreaterThan(v);
    }
}
