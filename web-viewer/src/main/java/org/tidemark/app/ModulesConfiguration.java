package org.tidemark.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.tidemark.app.audit.AuditFilter;
import org.tidemark.app.audit.AuditRecorder;
import org.tidemark.app.config.TidemarkProperties;
import org.tidemark.core.access.AuditLog;
import org.tidemark.layers.LayersModule;
import org.tidemark.layers.ows.OwsService;
import org.tidemark.tiles.wmts.WmtsController;
import org.tidemark.layers.governance.GovernanceModule;
import org.tidemark.layers.processes.ProcessesModule;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.wms.WmsSettings;
import org.tidemark.sensors.SensorSettings;
import org.tidemark.sensors.SensorsModule;
import org.tidemark.tiles.TilesModule;
import org.tidemark.tiles.TilesSettings;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.web.TileFastPath;

/**
 * Mounts the feature modules — one {@code @Configuration} each, no cross-module component scanning
 * (ARCHITECTURE.md) — and hands each its settings, derived from {@link TidemarkProperties}.
 */
@Configuration(proxyBeanMethods = false)
@Import({LayersModule.class, GovernanceModule.class, ProcessesModule.class, TilesModule.class, SensorsModule.class})
public class ModulesConfiguration {

    @Bean
    FeatureServiceSettings featureServiceSettings(TidemarkProperties p) {
        var s = p.service();
        return new FeatureServiceSettings(null, null, null, s.baseUrl(), s.schemaBaseUrl(), null, null, 10, s.maxFeatures(), 0);
    }

    /** GetFeature requests read their stores as many at a time as the pool has connections, in arrival order. */
    @Bean
    org.tidemark.layers.wfs.QueryAdmission queryAdmission(TidemarkProperties p) {
        return new org.tidemark.layers.wfs.QueryAdmission(p.db().poolSize());
    }

    @Bean
    WmsSettings wmsSettings(TidemarkProperties p) {
        int max = p.service().maxImageSize();
        return new WmsSettings(max, max, 50, 50, 5, 256 * 1024, null, null);
    }

    @Bean
    TilesSettings tilesSettings(TidemarkProperties p) {
        return TilesSettings.defaults().withCacheDir(p.dataDir().resolve("tile-cache"));
    }

    @Bean
    SensorSettings sensorSettings(TidemarkProperties p) {
        SensorSettings s = SensorSettings.defaults().withSimulator(p.demo().feed(), Duration.ofSeconds(10));
        if (p.mqtt().enabled()) s = s.withMqtt(p.mqtt().url(), p.mqtt().topic(), "tidemark-" + ProcessHandle.current().pid());
        return s;
    }

    /** WMTS on the shared {@code /ows} endpoint (the app joins the two modules; they do not know each other). */
    @Bean
    OwsService wmtsOnOws(WmtsController wmts) {
        return new OwsService() {
            public String service() { return "WMTS"; }

            public void handle(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                               byte[] body) throws java.io.IOException {
                wmts.handle(request, response);
            }
        };
    }

    @Bean(destroyMethod = "close")
    AuditRecorder auditRecorder(AuditLog audit) { return new AuditRecorder(audit, Clock.systemUTC(), 50_000); }

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditRecorder recorder) {
        var registration = new FilterRegistrationBean<>(new AuditFilter(recorder, Clock.systemUTC()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20); // after the principal filter
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Tile memory-cache hits answered before the MVC dispatcher: after the principal filter (the fast path asks
     * the access gate with the caller's principal) and inside the audit filter (every tile served is counted).
     */
    @Bean
    FilterRegistrationBean<TileFastPath> tileFastPathFilter(TileFastPath fastPath) {
        var registration = new FilterRegistrationBean<>(fastPath);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        registration.addUrlPatterns("/tiles/*", "/ogc/collections/*");
        return registration;
    }

    /**
     * Tile requests are not timed one by one in {@code http.server.requests}: a viewer fetches hundreds a minute, and
     * the per-request observation cost about a fifth of answering a cached tile (JFR, tile-server/BENCHMARK.md).
     * They are counted instead ({@link #tileMetrics}), and audited per principal and tile set.
     */
    @Bean
    ObservationPredicate tilesWithoutRequestObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext c && c.getCarrier() != null
                && tileRequest(c.getCarrier()));
    }

    /** {@code /tiles/...} and {@code /ogc/collections/{id}/tiles/...}, by prefix (asked for every request). */
    static boolean tileRequest(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        int from = request.getContextPath().length();
        return uri.startsWith("/tiles/", from)
                || (uri.startsWith("/ogc/collections/", from) && uri.indexOf("/tiles/", from + 17) > 0);
    }

    /** Tile traffic as counters read at scrape time: fast-path answers, memory cache hits and misses. */
    @Bean
    MeterBinder tileMetrics(TileFastPath fastPath, TileCaches caches) {
        return registry -> {
            FunctionCounter.builder("tidemark.tiles.fast.path.served", fastPath, TileFastPath::served)
                    .description("Tile requests answered from the memory cache before the MVC dispatcher").register(registry);
            FunctionCounter.builder("tidemark.tiles.memory.hits", caches, c -> c.memory().hits()).register(registry);
            FunctionCounter.builder("tidemark.tiles.memory.misses", caches, c -> c.memory().misses()).register(registry);
            Gauge.builder("tidemark.tiles.memory.bytes", caches, c -> c.memory().bytes()).baseUnit("bytes").register(registry);
        };
    }
}
