package org.tidemark.sensors.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.sensor.Alert;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;
import org.tidemark.sensors.alert.ThresholdEngine;
import org.tidemark.sensors.ingest.CommitListener;
import org.tidemark.sensors.live.LiveBus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Links the live buses of several instances through an MQTT broker, so a reading ingested on one
 * instance reaches the live clients of all (ARCHITECTURE.md "Scale-out"). After each commit the
 * instance publishes the new readings to {@code <topic>/obs}, and every alert it logs to
 * {@code <topic>/alert} (QoS 1); the others apply the readings to their caches and statuses
 * ({@link ThresholdEngine#applyRemote}) and republish the alerts on their local bus. Messages carry the
 * sender's instance id so an instance ignores its own.
 */
public final class MqttLiveBridge implements CommitListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttLiveBridge.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String topic;
    private final String instance = UUID.randomUUID().toString();
    private final ThresholdEngine engine;
    private final LiveBus bus;
    private final MqttClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("mqtt-live-bridge").daemon().unstarted(r));
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean running = true;
    private volatile boolean subscribed;

    public MqttLiveBridge(String brokerUrl, String topic, ThresholdEngine engine, LiveBus bus) throws MqttException {
        this.topic = topic;
        this.engine = engine;
        this.bus = bus;
        this.client = new MqttClient(brokerUrl, "tidemark-live-" + instance.substring(0, 8), new MemoryPersistence());
        options.setCleanSession(true);
        client.setTimeToWait(15_000);   // never wait forever on a CONNECT or SUBSCRIBE the broker cut (see MqttIngest)
        options.setAutomaticReconnect(false);
        options.setMaxInflight(1_000);
        client.setCallback(new MqttCallback() {
            public void connectionLost(Throwable cause) {
                subscribed = false;
                log.warn("live bus connection lost: {}", cause == null ? "?" : cause.toString());
                if (running) scheduler.schedule(MqttLiveBridge.this::connect, 500, TimeUnit.MILLISECONDS);
            }

            public void messageArrived(String t, MqttMessage m) { receive(t, m.getPayload()); }

            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        engine.setAlertListener(this::sendAlert);
    }

    public void start() { scheduler.execute(this::connect); }

    public boolean isConnected() { return client.isConnected(); }

    /** Whether the broker has confirmed the subscription (SUBACK): from then on no bus message is missed. */
    public boolean isSubscribed() { return subscribed && client.isConnected(); }

    private void connect() {
        if (!running) return;
        try {
            if (!client.isConnected()) client.connect(options);
            client.subscribe(topic + "/#", 1);
            subscribed = true;
            failures.set(0);
            log.info("live bus linked through {} on {}", topic, client.getServerURI());
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, 1_000);   // drop a half-open attempt before the next
            } catch (MqttException | RuntimeException ignored) {
                // not connected
            }
            long delay = Math.min(30_000, 500L << Math.min(6, failures.getAndIncrement()));
            if (running) scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void committed(List<Observation> fresh) {
        if (fresh.isEmpty() || !client.isConnected()) return;
        List<Map<String, Object>> list = new ArrayList<>(fresh.size());
        for (Observation o : fresh) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("station", o.station());
            m.put("property", o.property());
            m.put("time", o.phenomenonTime().toString());
            m.put("resultTime", o.resultTime().toString());
            m.put("value", o.value());
            m.put("unit", o.unit());
            m.put("quality", o.quality().name());
            list.add(m);
        }
        send("/obs", Map.of("origin", instance, "observations", list));
    }

    private void sendAlert(Alert a) {
        if (client.isConnected()) send("/alert", Map.of("origin", instance, "alert", ThresholdEngine.alertData(a)));
    }

    private void send(String suffix, Map<String, Object> payload) {
        try {
            MqttMessage m = new MqttMessage(JSON.writeValueAsBytes(payload));
            m.setQos(1);
            client.publish(topic + suffix, m);
        } catch (MqttException | RuntimeException e) {
            log.debug("live bus publish failed: {}", e.toString());
        }
    }

    private void receive(String t, byte[] payload) {
        try {
            JsonNode root = JSON.readTree(payload);
            if (instance.equals(root.path("origin").asString(""))) return;
            if (t.endsWith("/obs")) {
                List<Observation> obs = new ArrayList<>();
                for (JsonNode n : root.path("observations").values()) {
                    obs.add(new Observation(n.path("station").asString(), n.path("property").asString(),
                            Instant.parse(n.path("time").asString()), Instant.parse(n.path("resultTime").asString()),
                            n.path("value").asDouble(), n.path("unit").asString(), Quality.valueOf(n.path("quality").asString())));
                }
                engine.applyRemote(obs);
            } else if (t.endsWith("/alert")) {
                JsonNode a = root.path("alert");
                Map<String, Object> data = JSON.convertValue(a, Map.class);
                bus.publish("alert", a.path("STCD").asString(), data);
            }
        } catch (RuntimeException e) {
            log.debug("ignoring a malformed live bus message: {}", e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        scheduler.shutdownNow();
        try {
            if (client.isConnected()) client.disconnect(1_000);
            client.close(true);
        } catch (MqttException e) {
            log.debug("live bus close: {}", e.getMessage());
        }
    }
}
