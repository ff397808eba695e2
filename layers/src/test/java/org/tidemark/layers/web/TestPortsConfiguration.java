package org.tidemark.layers.web;

import java.util.function.Function;
import org.mockito.Mockito;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.access.GrantStore;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.coverage.GridElevationModel;
import org.tidemark.core.filter.Filter;
import org.tidemark.layers.processes.InundationLayers;

/**
 * The geo-core ports {@code LayersModule} expects, for tests and the conformance test server: the test catalog
 * and policy, plus inert stand-ins for the governance/processes ports those tests do not exercise.
 */
@Configuration(proxyBeanMethods = false)
public class TestPortsConfiguration {
    @Bean
    LayerCatalog catalog() { return TestLayers.catalog(); }

    /** The test policy; with {@code -Dtidemark.cite.writable=true} every caller may also edit the public layers. */
    @Bean
    AccessPolicy policy() {
        AccessPolicy base = TestLayers.policy();
        if (!Boolean.getBoolean("tidemark.cite.writable")) return base;
        return (principal, layer) -> layer.equals("police_cameras") ? base.decide(principal, layer)
                : org.tidemark.core.access.AccessDecision.FULL;
    }

    @Bean
    GrantStore grants() { return Mockito.mock(GrantStore.class); }

    @Bean
    AuditLog audit() { return Mockito.mock(AuditLog.class); }

    @Bean
    Function<String, Filter> rowFilterParser() { return text -> Filter.INCLUDE; }

    @Bean
    InundationLayers inundationLayers() { return new InundationLayers(4); }

    @Bean
    ElevationModel dem() { return new GridElevationModel(new float[]{1, 2, 3, 4}, 2, 2, 121.5, 29.6, 0.5); }
}
