package org.tidemark.sensors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.InMemoryObservationStore;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;
import org.tidemark.core.sensor.StationStatus;
import org.tidemark.sensors.TestStations;
import org.tidemark.sensors.alert.ThresholdEngine;
import org.tidemark.sensors.ingest.IngestPipeline;
import org.tidemark.sensors.live.LiveBus;
import org.tidemark.sensors.live.LiveEvent;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationStates;
import org.tidemark.sensors.model.StatusEvaluator;

/**
 * Two instances sharing one store and one Mosquitto broker: a reading committed on the first reaches
 * the live bus of the second (observation, status and alert), and the alert is logged once.
 */
class MqttLiveBridgeBrokerTest {
    private final InMemoryObservationStore sharedStore = new InMemoryObservationStore();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void brokerReachable() { MqttIngestBrokerTest.brokerReachable(); }

    /** One app instance: its own pipeline, caches, engine, bus and bridge. */
    private record Instance(IngestPipeline pipeline, LatestValues latest, StationStates states, LiveBus bus,
                            MqttLiveBridge bridge) {}

    private Instance instance(String topic, long idBase) throws Exception {
        LatestValues latest = new LatestValues();
        StationStates states = new StationStates();
        LiveBus bus = new LiveBus(100, 100, d -> null, idBase);
        ThresholdEngine engine = new ThresholdEngine(TestStations.registry(), latest, new RainAccumulator(), states,
                new StatusEvaluator(0.05, 0.1), sharedStore, bus, Clock.systemUTC(), 0);
        IngestPipeline pipeline = new IngestPipeline(sharedStore, 100, 50);
        MqttLiveBridge bridge = new MqttLiveBridge(MqttIngestBrokerTest.BROKER, topic, engine, bus);
        pipeline.addListener(engine);
        pipeline.addListener(bridge);
        bridge.start();
        open.add(bridge);
        open.add(pipeline);
        MqttIngestBrokerTest.waitFor(bridge::isSubscribed, 20);   // SUBACK received: nothing published later is missed
        return new Instance(pipeline, latest, states, bus, bridge);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    @Test
    void aReadingCommittedOnOneInstanceReachesLiveClientsOfAnother() throws Exception {
        String topic = "tidemark-test/" + UUID.randomUUID() + "/live";
        long started = System.currentTimeMillis() * 1000;   // ids from each instance's start time (SensorsModule)
        Instance a = instance(topic, started);
        Instance b = instance(topic, started + 1_000_000);
        LiveBus.Subscription clientOfA = a.bus().subscribe(-1);
        LiveBus.Subscription clientOfB = b.bus().subscribe(-1);

        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        a.pipeline().submit(List.of(new Observation(TestStations.RIVER, "Z", t, null, 5.3, "m", Quality.GOOD)))
                .get(5, TimeUnit.SECONDS);

        List<String> types = new ArrayList<>();
        List<Long> idsOnB = new ArrayList<>();
        long end = System.nanoTime() + 20_000_000_000L;
        while (types.size() < 3 && System.nanoTime() < end) {
            LiveEvent e = clientOfB.poll(200);
            if (e != null) {
                types.add(e.type());
                idsOnB.add(e.id());
                assertThat(e.station()).isEqualTo(TestStations.RIVER);
            }
        }
        assertThat(types).containsExactlyInAnyOrder("observation", "status", "alert");
        assertThat(idsOnB).isSorted().doesNotHaveDuplicates();

        // Last-Event-ID across instances: an id of A is not one of B's, so B says reset rather than leave a gap;
        // on B itself a resume replays exactly what followed
        LiveEvent seenOnA = clientOfA.poll(10_000);
        assertThat(seenOnA).isNotNull();
        assertThat(b.bus().subscribe(seenOnA.id()).drain()).extracting(LiveEvent::type).containsExactly(LiveBus.RESET);
        assertThat(b.bus().subscribe(idsOnB.get(0)).drain()).extracting(LiveEvent::id)
                .containsExactlyElementsOf(idsOnB.subList(1, idsOnB.size()));
        assertThat(b.latest().get(TestStations.RIVER, "Z")).get().extracting(Observation::value).isEqualTo(5.3);
        assertThat(b.states().get(TestStations.RIVER).status()).isEqualTo(StationStatus.DANGER);
        assertThat(sharedStore.alerts(Instant.EPOCH, 10)).hasSize(1);   // logged by the committing instance only
    }
}
