package org.tidemark.sensors;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.sensors.alert.ThresholdEngine;
import org.tidemark.sensors.demo.TyphoonSimulator;
import org.tidemark.sensors.ingest.IngestPipeline;
import org.tidemark.sensors.ingest.IngestService;
import org.tidemark.sensors.ingest.ObservationValidator;
import org.tidemark.sensors.ingest.RejectCounters;
import org.tidemark.sensors.live.GaugeAccess;
import org.tidemark.sensors.live.GaugeFeatures;
import org.tidemark.sensors.live.GaugeHistory;
import org.tidemark.sensors.live.LiveBus;
import org.tidemark.sensors.live.LiveGaugesLayer;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationRegisterReader;
import org.tidemark.sensors.model.StationRegistry;
import org.tidemark.sensors.model.StationStates;
import org.tidemark.sensors.model.StatusEvaluator;
import org.tidemark.sensors.mqtt.MqttIngest;
import org.tidemark.sensors.mqtt.MqttLiveBridge;
import org.tidemark.sensors.sl651.Sl651Server;
import org.tidemark.sensors.web.LiveController;
import org.tidemark.sensors.web.LiveSocketConfiguration;
import org.tidemark.sensors.web.LiveSocketHandler;
import org.tidemark.sensors.web.SensorController;
import org.tidemark.sensors.web.SensorProblemHandler;

/**
 * The sensor overlay, imported by the app. Expects beans of {@link ObservationStore}, {@link LayerCatalog}
 * (holding the station register layer, {@code hydro_stations} by default) and {@link AccessPolicy}; a
 * {@link SensorSettings} bean and a {@link Clock} bean are optional (defaults otherwise). Provides the
 * REST and SSE controllers, the ingest pipeline and its channels (MQTT, SL651, demo feed, as configured),
 * and {@link LiveGaugesLayer} — the live {@code gauges} layer for the app to add to its catalog.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import(LiveSocketConfiguration.class)
public class SensorsModule {
    private static final Logger log = LoggerFactory.getLogger(SensorsModule.class);
    /** The department that owns the gauges (ARCHITECTURE/HELPERS: {@code water}, 水利局). */
    static final Department WATER = new Department("water",
            org.tidemark.core.feature.LocalizedText.of("水利局", "Water Resources Bureau"));

    /** The effective settings and clock (not exposed as beans of those types, so the app's own stay unique). */
    record SensorEnv(SensorSettings settings, Clock clock) {}

    @Bean
    SensorEnv sensorEnv(ObjectProvider<SensorSettings> provided, ObjectProvider<Clock> clock) {
        SensorSettings s = provided.getIfAvailable(SensorSettings::defaults);
        log.info("sensor settings: {}", s.withMqtt(mask(s.mqttBrokerUrl()), s.mqttTopic(), s.mqttClientId()));
        return new SensorEnv(s, clock.getIfAvailable(Clock::systemUTC));
    }

    private static String mask(String url) {
        return url == null ? null : url.replaceAll("//[^@/]*@", "//***@");
    }

    /**
     * The station register, read once at start-up through {@link LayerCatalog#source} only: the app's
     * catalog also lists the live layer this module provides, so listing all layers here would ask for
     * a bean still being created.
     */
    @Bean
    StationRegistry sensorStationRegistry(LayerCatalog catalog, SensorEnv sensorEnv) {
        String name = sensorEnv.settings().stationLayer();
        return new StationRegistry(() -> catalog.source(name)
                .map(source -> StationRegisterReader.read(WATER.code(), source).all())
                .orElseGet(() -> {
                    log.warn("station register layer {} not in the catalog (yet): no stations", name);
                    return java.util.List.of();
                }), java.time.Duration.ofSeconds(5));
    }

    @Bean
    LatestValues sensorLatestValues() { return new LatestValues(); }

    @Bean
    RainAccumulator sensorRainAccumulator() { return new RainAccumulator(); }

    @Bean
    StationStates sensorStationStates() { return new StationStates(); }

    @Bean
    LiveBus sensorLiveBus(SensorEnv sensorEnv) {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        // ids from the start time in microseconds: unique across restarts and instances (see LiveBus)
        return new LiveBus(sensorEnv.settings().replaySize(), sensorEnv.settings().clientQueueSize(),
                json::writeValueAsString, sensorEnv.clock().millis() * 1000);
    }

    @Bean
    RejectCounters sensorRejectCounters() { return new RejectCounters(); }

    @Bean(destroyMethod = "close")
    IngestPipeline sensorIngestPipeline(ObservationStore store, SensorEnv sensorEnv,
                                        ThresholdEngine sensorThresholdEngine) {
        IngestPipeline p = new IngestPipeline(store, sensorEnv.settings().queueSize(), sensorEnv.settings().maxBatch());
        p.addListener(sensorThresholdEngine);
        return p;
    }

    @Bean
    ThresholdEngine sensorThresholdEngine(StationRegistry sensorStationRegistry, LatestValues sensorLatestValues,
                                          RainAccumulator sensorRainAccumulator, StationStates sensorStationStates,
                                          ObservationStore store, LiveBus sensorLiveBus,
                                          SensorEnv sensorEnv) {
        ThresholdEngine e = new ThresholdEngine(sensorStationRegistry, sensorLatestValues, sensorRainAccumulator,
                sensorStationStates, new StatusEvaluator(sensorEnv.settings().levelHysteresis(),
                sensorEnv.settings().rainHysteresis()), store, sensorLiveBus, sensorEnv.clock(),
                sensorEnv.settings().riseRatePerHour());
        e.initialize();
        sensorStationRegistry.onLoaded(e::initialize);   // the register arrived after start-up
        return e;
    }

    @Bean
    IngestService sensorIngestService(StationRegistry sensorStationRegistry, IngestPipeline sensorIngestPipeline,
                                      RejectCounters sensorRejectCounters,
                                      SensorEnv sensorEnv) {
        return new IngestService(new ObservationValidator(sensorStationRegistry, sensorEnv.clock(),
                sensorEnv.settings().futureTolerance()), sensorIngestPipeline, sensorRejectCounters);
    }

    @Bean
    GaugeFeatures sensorGaugeFeatures(LatestValues sensorLatestValues, RainAccumulator sensorRainAccumulator,
                                      StationStates sensorStationStates) {
        return new GaugeFeatures(sensorLatestValues, sensorRainAccumulator, sensorStationStates);
    }

    /** The live {@code gauges} layer (its {@link LiveGaugesLayer#layer()} is the catalog entry). */
    @Bean
    public LiveGaugesLayer liveGaugesLayer(StationRegistry sensorStationRegistry, GaugeFeatures sensorGaugeFeatures,
                                           StationStates sensorStationStates, ObservationStore store,
                                           SensorEnv sensorEnv) {
        GaugeHistory history = new GaugeHistory(store, new StatusEvaluator(sensorEnv.settings().levelHysteresis(),
                sensorEnv.settings().rainHysteresis()), sensorEnv.clock(), sensorStationStates::version);
        return new LiveGaugesLayer(sensorStationRegistry, sensorGaugeFeatures, sensorStationStates, history, WATER);
    }

    @Bean
    GaugeAccess sensorGaugeAccess(AccessPolicy policy, GaugeFeatures sensorGaugeFeatures) {
        return new GaugeAccess(policy, sensorGaugeFeatures);
    }

    @Bean
    SensorController sensorController(StationRegistry sensorStationRegistry, StationStates sensorStationStates,
                                      LatestValues sensorLatestValues, RainAccumulator sensorRainAccumulator,
                                      ObservationStore store, IngestService sensorIngestService,
                                      GaugeAccess sensorGaugeAccess, LiveBus sensorLiveBus,
                                      SensorEnv sensorEnv) {
        return new SensorController(sensorStationRegistry, sensorStationStates, sensorLatestValues,
                sensorRainAccumulator, store, sensorIngestService, sensorGaugeAccess, sensorLiveBus, sensorEnv.clock(),
                sensorEnv.settings());
    }

    @Bean
    LiveController sensorLiveController(LiveBus sensorLiveBus, GaugeAccess sensorGaugeAccess,
                                        StationRegistry sensorStationRegistry, SensorEnv sensorEnv) {
        return new LiveController(sensorLiveBus, sensorGaugeAccess, sensorStationRegistry, sensorEnv.settings());
    }

    @Bean
    LiveSocketHandler sensorLiveSocketHandler(LiveBus sensorLiveBus, GaugeAccess sensorGaugeAccess,
                                              StationRegistry sensorStationRegistry, SensorEnv sensorEnv) {
        return new LiveSocketHandler(sensorLiveBus, sensorGaugeAccess, sensorStationRegistry, sensorEnv.settings());
    }

    @Bean
    SensorProblemHandler sensorProblemHandler() { return new SensorProblemHandler(); }

    /** The optional channels, started after the pipeline and closed before it. */
    @Bean(destroyMethod = "close")
    SensorChannels sensorChannels(SensorEnv sensorEnv, IngestService sensorIngestService,
                                  StationRegistry sensorStationRegistry, ThresholdEngine sensorThresholdEngine,
                                  LiveBus sensorLiveBus, IngestPipeline sensorIngestPipeline)
            throws IOException, MqttException {
        SensorSettings s = sensorEnv.settings();
        MqttLiveBridge bridge = null;
        if (s.mqttBrokerUrl() != null && !s.mqttBrokerUrl().isBlank() && s.liveBusTopic() != null
                && !s.liveBusTopic().isBlank()) {
            bridge = new MqttLiveBridge(s.mqttBrokerUrl(), s.liveBusTopic(), sensorThresholdEngine, sensorLiveBus);
            sensorIngestPipeline.addListener(bridge);
            bridge.start();
        }
        MqttIngest mqtt = null;
        if (s.mqttBrokerUrl() != null && !s.mqttBrokerUrl().isBlank()) {
            mqtt = new MqttIngest(sensorIngestService, s.mqttBrokerUrl(), s.mqttTopic(), s.mqttClientId());
            mqtt.start();
        }
        Sl651Server sl651 = s.sl651Port() >= 0
                ? new Sl651Server(sensorIngestService, sensorStationRegistry, sensorEnv.clock(), s.sl651Port(), 0x01,
                Duration.ofMinutes(10))
                : null;
        TyphoonSimulator demo = null;
        if (s.simulator()) {
            demo = new TyphoonSimulator(sensorStationRegistry, sensorIngestService, sensorEnv.clock(), s.simulatorSeed(),
                    s.simulatorPeriod(), Duration.ofMinutes(30));
            demo.start();
        }
        return new SensorChannels(mqtt, sl651, demo, bridge);
    }

    /** The running ingest channels (each may be absent). */
    public record SensorChannels(MqttIngest mqtt, Sl651Server sl651, TyphoonSimulator demo, MqttLiveBridge liveBridge)
            implements AutoCloseable {
        @Override
        public void close() {
            if (liveBridge != null) liveBridge.close();
            if (demo != null) demo.close();
            if (mqtt != null) mqtt.close();
            if (sl651 != null) sl651.close();
        }
    }
}
