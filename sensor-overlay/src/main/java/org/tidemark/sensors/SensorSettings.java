package org.tidemark.sensors;

import java.time.Duration;

/**
 * The sensor module's settings; the app binds them from {@code tidemark.sensors.*} and passes them in.
 *
 * @param stationLayer     the station register layer in the catalog ({@code hydro_stations})
 * @param mqttBrokerUrl    e.g. {@code tcp://127.0.0.1:1883}; null or blank disables MQTT ingest
 * @param mqttTopic        the subscribed topic filter, e.g. {@code tidemark/obs/#}
 * @param mqttClientId     the MQTT client id (a persistent session is kept under it)
 * @param liveBusTopic     with MQTT configured, the topic prefix that links the live buses of several
 *                         instances (e.g. {@code tidemark/live}); null or blank keeps the bus local
 * @param sl651Port        the SL651 TCP port; negative disables the listener, 0 picks a free port
 * @param queueSize        ingest queue capacity in readings
 * @param maxBatch         readings per database transaction at most
 * @param maxBodyBytes     the largest accepted HTTP ingest body
 * @param replaySize       live events kept for {@code Last-Event-ID} resume
 * @param clientQueueSize  live events buffered per SSE client before it is cut off
 * @param maxSseClients    concurrent SSE connections at most
 * @param heartbeat        SSE heartbeat comment interval
 * @param sseTimeout       how long one SSE response lives before the client reconnects
 * @param levelHysteresis  metres a level must fall below a threshold before the status clears
 * @param rainHysteresis   fraction of a rain threshold the total must fall below it before clearing
 * @param riseRatePerHour  level rise (m/h) that raises a rate-of-rise alert; 0 disables
 * @param futureTolerance  how far in the future a reading time may be (clock skew)
 * @param staleAfter       a station silent longer than this is flagged stale
 * @param simulator        whether the demo typhoon feed runs
 * @param simulatorSeed    the demo feed's random seed (deterministic scenario)
 * @param simulatorPeriod  real time between two demo readings of a station
 */
public record SensorSettings(String stationLayer, String mqttBrokerUrl, String mqttTopic, String mqttClientId,
                             String liveBusTopic, int sl651Port, int queueSize, int maxBatch, int maxBodyBytes, int replaySize,
                             int clientQueueSize, int maxSseClients, Duration heartbeat, Duration sseTimeout,
                             double levelHysteresis, double rainHysteresis, double riseRatePerHour,
                             Duration futureTolerance, Duration staleAfter, boolean simulator, long simulatorSeed,
                             Duration simulatorPeriod) {

    /** The defaults: no MQTT, no SL651 listener, no simulator. */
    public static SensorSettings defaults() {
        return new SensorSettings("hydro_stations", null, "tidemark/obs/#", "tidemark-sensors", null, -1, 10_000, 500,
                1_048_576, 10_000, 1_000, 500, Duration.ofSeconds(15), Duration.ofMinutes(30), 0.05, 0.1, 0.5,
                Duration.ofMinutes(5), Duration.ofMinutes(30), false, 20260914L, Duration.ofSeconds(10));
    }

    public SensorSettings withMqtt(String brokerUrl, String topic, String clientId) {
        return new SensorSettings(stationLayer, brokerUrl, topic, clientId, liveBusTopic, sl651Port, queueSize, maxBatch, maxBodyBytes,
                replaySize, clientQueueSize, maxSseClients, heartbeat, sseTimeout, levelHysteresis, rainHysteresis,
                riseRatePerHour, futureTolerance, staleAfter, simulator, simulatorSeed, simulatorPeriod);
    }

    public SensorSettings withLiveBus(String topic) {
        return new SensorSettings(stationLayer, mqttBrokerUrl, mqttTopic, mqttClientId, topic, sl651Port, queueSize,
                maxBatch, maxBodyBytes, replaySize, clientQueueSize, maxSseClients, heartbeat, sseTimeout, levelHysteresis,
                rainHysteresis, riseRatePerHour, futureTolerance, staleAfter, simulator, simulatorSeed, simulatorPeriod);
    }

    public SensorSettings withSl651Port(int port) {
        return new SensorSettings(stationLayer, mqttBrokerUrl, mqttTopic, mqttClientId, liveBusTopic, port, queueSize, maxBatch,
                maxBodyBytes, replaySize, clientQueueSize, maxSseClients, heartbeat, sseTimeout, levelHysteresis,
                rainHysteresis, riseRatePerHour, futureTolerance, staleAfter, simulator, simulatorSeed, simulatorPeriod);
    }

    public SensorSettings withQueue(int size, int batch) {
        return new SensorSettings(stationLayer, mqttBrokerUrl, mqttTopic, mqttClientId, liveBusTopic, sl651Port, size, batch,
                maxBodyBytes, replaySize, clientQueueSize, maxSseClients, heartbeat, sseTimeout, levelHysteresis,
                rainHysteresis, riseRatePerHour, futureTolerance, staleAfter, simulator, simulatorSeed, simulatorPeriod);
    }

    public SensorSettings withSimulator(boolean on, Duration period) {
        return new SensorSettings(stationLayer, mqttBrokerUrl, mqttTopic, mqttClientId, liveBusTopic, sl651Port, queueSize, maxBatch,
                maxBodyBytes, replaySize, clientQueueSize, maxSseClients, heartbeat, sseTimeout, levelHysteresis,
                rainHysteresis, riseRatePerHour, futureTolerance, staleAfter, on, simulatorSeed, period);
    }

    public SensorSettings withLive(int replay, int clientQueue, int maxClients, Duration beat) {
        return new SensorSettings(stationLayer, mqttBrokerUrl, mqttTopic, mqttClientId, liveBusTopic, sl651Port, queueSize, maxBatch,
                maxBodyBytes, replay, clientQueue, maxClients, beat, sseTimeout, levelHysteresis, rainHysteresis,
                riseRatePerHour, futureTolerance, staleAfter, simulator, simulatorSeed, simulatorPeriod);
    }

    public SensorSettings withMaxBodyBytes(int bytes) {
        return new SensorSettings(stationLayer, mqttBrokerUrl, mqttTopic, mqttClientId, liveBusTopic, sl651Port, queueSize, maxBatch,
                bytes, replaySize, clientQueueSize, maxSseClients, heartbeat, sseTimeout, levelHysteresis,
                rainHysteresis, riseRatePerHour, futureTolerance, staleAfter, simulator, simulatorSeed, simulatorPeriod);
    }
}
