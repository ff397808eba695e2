package org.tidemark.sensors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidemark.core.sensor.InMemoryObservationStore;
import org.tidemark.sensors.TestStations;
import org.tidemark.sensors.ingest.IngestPipeline;
import org.tidemark.sensors.ingest.IngestService;
import org.tidemark.sensors.ingest.ObservationValidator;
import org.tidemark.sensors.ingest.RejectCounters;

/**
 * Fault test: a private Mosquitto (with persistence) is restarted in the middle of a stream of QoS 1
 * readings; the ingest client reconnects with backoff, resubscribes, and every reading is stored.
 * Needs the {@code mosquitto} binary; skipped without it unless {@code TIDEMARK_REQUIRE_INTEGRATION=true}.
 */
class MqttBrokerRestartTest {
    @TempDir Path dir;
    private Process broker;
    private int port;

    private static boolean mosquittoInstalled() {
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto"));
    }

    private void startBroker() throws Exception {
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence true\n"
                + "persistence_location " + dir + "/\nautosave_interval 1\n");
        broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
        long end = System.nanoTime() + 30_000_000_000L;   // generous: CI machines are loaded
        while (System.nanoTime() < end) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("private mosquitto exited: " + Files.readString(dir.resolve("broker.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("private mosquitto did not start");
    }

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) broker.destroyForcibly();
        }
    }

    @Test
    void noQos1ReadingIsLostAcrossABrokerRestart() throws Exception {
        boolean required = "true".equalsIgnoreCase(System.getenv("TIDEMARK_REQUIRE_INTEGRATION"));
        if (!mosquittoInstalled() && required) throw new IllegalStateException("mosquitto is required");
        assumeTrue(mosquittoInstalled(), "mosquitto not installed");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startBroker();
        String url = "tcp://127.0.0.1:" + port;
        InMemoryObservationStore store = new InMemoryObservationStore();
        IngestPipeline pipeline = new IngestPipeline(store, 1000, 100);
        IngestService service = new IngestService(new ObservationValidator(TestStations.registry(), Clock.systemUTC(),
                Duration.ofMinutes(5)), pipeline, new RejectCounters());
        MqttIngest ingest = new MqttIngest(service, url, "obs/#", "restart-test-ingest");
        ingest.start();
        MqttIngestBrokerTest.waitFor(ingest::isSubscribed, 10);

        MqttAsyncClient station = new MqttAsyncClient(url, "restart-test-station", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(1000);
        o.setMaxInflight(1000); // all 120 may be unacknowledged at once on a slow machine
        station.connect(o).waitForCompletion(5000);
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(10_000);
        buffer.setPersistBuffer(false);
        station.setBufferOpts(buffer);

        int total = 120;
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        try {
            for (int i = 0; i < total; i++) {
                if (i == total / 2) {
                    broker.destroy();                  // SIGTERM: mosquitto saves its sessions and stops
                    // wait for the exit (not a fixed time): a second broker on the same port would fail to bind
                    assertThat(broker.waitFor(30, TimeUnit.SECONDS)).as("private mosquitto stopped").isTrue();
                    startBroker();
                }
                String json = "{\"station\":\"" + TestStations.RIVER + "\",\"property\":\"Z\",\"time\":\""
                        + base.plusSeconds(i) + "\",\"value\":" + (1 + i / 1000.0) + "}";
                MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                station.publish("obs/" + TestStations.RIVER, m);
                Thread.sleep(20);
            }
            MqttIngestBrokerTest.waitFor(() -> store.history(TestStations.RIVER, "Z", base, base.plusSeconds(total), 1000)
                    .size() == total, 90);
            assertThat(ingest.connectCount()).isGreaterThanOrEqualTo(2);
        } finally {
            station.disconnect().waitForCompletion(2000);
            station.close();
            ingest.close();
            pipeline.close();
        }
    }
}
