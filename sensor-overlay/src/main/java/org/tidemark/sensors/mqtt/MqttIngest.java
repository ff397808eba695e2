package org.tidemark.sensors.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.sensors.ingest.Committed;
import org.tidemark.sensors.ingest.IngestService;
import org.tidemark.sensors.ingest.ObservationInput;
import org.tidemark.sensors.ingest.ObservationJson;
import org.tidemark.sensors.ingest.QueueFullException;
import org.tidemark.sensors.ingest.RejectReason;

/**
 * MQTT 3.1.1 ingest (Eclipse Paho): subscribes to a topic filter at QoS 1 with a persistent session
 * ({@code cleanSession=false}, so the broker keeps QoS 1 messages while we are away) and manual
 * acknowledgements: the PUBACK for a message (MQTT 3.1.1 §4.3.2) is sent only after its readings were
 * committed. Payloads have the HTTP ingest shape (a JSON array or one object). When the ingest queue is
 * full the callback waits, which stops Paho reading from the socket (flow control); when the store fails
 * the message is retried until it commits. Connection loss triggers reconnects with exponential backoff
 * (0.5 s doubling to 30 s) and a fresh subscription.
 */
public final class MqttIngest implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttIngest.class);
    private static final String CHANNEL = "mqtt";
    private static final long MIN_BACKOFF_MS = 500, MAX_BACKOFF_MS = 30_000, OPERATION_TIMEOUT_MS = 15_000;

    private final IngestService ingest;
    private final String topic;
    private final String brokerUrl;
    private final String clientId;
    private volatile MqttClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("mqtt-reconnect").daemon().unstarted(r));
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private volatile boolean running = true;
    private volatile boolean subscribed;

    public MqttIngest(IngestService ingest, String brokerUrl, String topic, String clientId) throws MqttException {
        this.ingest = ingest;
        this.topic = topic;
        this.brokerUrl = brokerUrl;
        this.clientId = clientId;
        this.client = newClient();
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        options.setMaxInflight(1_000);
    }

    /**
     * A fresh client (same id, so the broker resumes our persistent session) for every connection: a Paho
     * client whose connection broke mid-handshake can stay half-open. Every operation is bounded — a CONNECT cut
     * by a broker going down otherwise left {@code connect()} waiting forever (MqttBrokerRestartTest found it).
     */
    private MqttClient newClient() throws MqttException {
        MqttClient c = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        c.setManualAcks(true);
        c.setTimeToWait(OPERATION_TIMEOUT_MS);
        c.setCallback(new Callback(c));
        return c;
    }

    /** Connects in the background (retrying with backoff until it succeeds). */
    public void start() { scheduler.execute(this::connect); }

    /** Whether the client is connected and subscribed. */
    public boolean isSubscribed() { return subscribed && client.isConnected(); }

    /** How many times a connection (first or re-) was established. */
    public int connectCount() { return connects.get(); }

    private void connect() {
        if (!running) return;
        try {
            if (!client.isConnected()) {
                discard(client);
                client = newClient();
                client.connect(options);
            }
            client.subscribe(topic, 1);
            subscribed = true;
            failures.set(0);
            connects.incrementAndGet();
            log.info("MQTT ingest subscribed to {} on {}", topic, client.getServerURI());
        } catch (MqttException e) {
            long delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS << Math.min(10, failures.getAndIncrement()));
            log.warn("MQTT connect to {} failed ({}); retrying in {} ms", client.getServerURI(), e.getMessage(), delay);
            if (running) scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes a client that is done with (a half-open attempt or a lost connection). */
    private static void discard(MqttClient c) {
        try {
            if (c.isConnected()) c.disconnectForcibly(0, 1_000);
        } catch (MqttException | RuntimeException ignored) {
            // already gone
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // already closed
        }
    }

    /** The callbacks of one client instance (acknowledgements go back on the connection that delivered). */
    private final class Callback implements MqttCallbackExtended {
        private final MqttClient owner;

        Callback(MqttClient owner) { this.owner = owner; }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {}

        @Override
        public void connectionLost(Throwable cause) {
            if (owner != client) return;   // an old connection's late news
            subscribed = false;
            log.warn("MQTT connection lost: {}", cause == null ? "?" : cause.toString());
            if (running) scheduler.schedule(MqttIngest.this::connect, MIN_BACKOFF_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void messageArrived(String topicName, MqttMessage message) throws InterruptedException {
            List<ObservationInput> inputs;
            try {
                inputs = ObservationJson.read(message.getPayload());
            } catch (IllegalArgumentException e) {
                ingest.reject(CHANNEL, RejectReason.MALFORMED);
                ack(owner, message);   // a malformed message never gets better: acknowledge and drop it
                return;
            }
            submitUntilCommitted(owner, ingest.check(CHANNEL, inputs), message, 0);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
    }

    private void submitUntilCommitted(MqttClient owner, IngestService.Checked checked, MqttMessage message, int attempt)
            throws InterruptedException {
        CompletableFuture<Committed> done;
        long wait = 50;
        while (true) {
            try {
                done = ingest.submit(checked.valid());
                break;
            } catch (QueueFullException e) {
                if (!running) return;
                Thread.sleep(wait);   // blocks Paho's callback thread: no more messages are read meanwhile
                wait = Math.min(2_000, wait * 2);
            }
        }
        done.whenComplete((c, error) -> {
            if (error == null) {
                ack(owner, message);
            } else if (running) {
                long delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS << Math.min(6, attempt));
                scheduler.schedule(() -> {
                    try {
                        submitUntilCommitted(owner, checked, message, attempt + 1);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                }, delay, TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * PUBACK on the connection that delivered the message (MQTT 3.1.1 §4.3.2). A broker resends its
     * unacknowledged messages right after CONNACK, before our {@code connect()} has returned, so an
     * acknowledgement that cannot go out yet is retried on the reconnect thread (it runs after the connect) —
     * a lost PUBACK would hold the broker's in-flight window for us shut and stall everything queued behind it.
     * After a reconnect the old id may name another message on the new connection, so an acknowledgement from an
     * old connection is dropped instead: the broker redelivers and the store drops the duplicate.
     */
    private void ack(MqttClient owner, MqttMessage message) { ack(owner, message, 0); }

    private void ack(MqttClient owner, MqttMessage message, int attempt) {
        if (owner != client) return;
        try {
            owner.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException | RuntimeException e) {
            if (running && attempt < 100 && owner == client) {
                scheduler.schedule(() -> ack(owner, message, attempt + 1), 100, TimeUnit.MILLISECONDS);
            } else {
                log.debug("PUBACK for message {} not sent: {}", message.getId(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        scheduler.shutdownNow();
        try {
            if (client.isConnected()) client.disconnect(2_000);
        } catch (MqttException e) {
            log.debug("MQTT disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("MQTT close: {}", e.getMessage());
        }
    }

    /** Reconnect backoff bounds, for documentation and tests. */
    static Duration maxBackoff() { return Duration.ofMillis(MAX_BACKOFF_MS); }
}
