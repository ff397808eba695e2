package org.tidemark.sensors.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.Station;
import org.tidemark.sensors.TestStations;

class StationRegistryTest {
    @Test
    void aRegisterThatArrivesLateIsPickedUpAndAnnouncedOnce() {
        AtomicReference<List<Station>> register = new AtomicReference<>(List.of());
        AtomicInteger loads = new AtomicInteger();
        StationRegistry r = new StationRegistry(() -> {
            loads.incrementAndGet();
            return register.get();
        }, Duration.ZERO);
        AtomicInteger announced = new AtomicInteger();
        r.onLoaded(announced::incrementAndGet);
        assertThat(r.all()).isEmpty();
        register.set(TestStations.registry().all());
        assertThat(r.find(TestStations.RIVER)).isPresent();
        assertThat(r.size()).isEqualTo(5);
        int after = loads.get();
        r.all();
        r.find("x");
        assertThat(loads.get()).isEqualTo(after);   // no reloads once loaded
        assertThat(announced.get()).isEqualTo(1);
    }

    @Test
    void retriesAreRateLimited() {
        AtomicInteger loads = new AtomicInteger();
        StationRegistry r = new StationRegistry(() -> {
            loads.incrementAndGet();
            return List.of();
        }, Duration.ofHours(1));
        for (int i = 0; i < 10; i++) r.all();
        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void aFailingLoaderLeavesTheRegistryEmpty() {
        StationRegistry r = new StationRegistry(() -> { throw new IllegalStateException("db down"); }, Duration.ZERO);
        assertThat(r.all()).isEmpty();
    }
}
