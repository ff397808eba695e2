package org.tidemark.layers.processes;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.layers.analysis.AnalysisService;
import org.tidemark.layers.analysis.SitingRules;

/**
 * OGC API – Processes (siting check, inundation). Expects {@link LayerCatalog}, {@link AccessPolicy},
 * {@link ElevationModel}, {@link AuditLog} and the {@link InundationLayers} bean (which the app creates,
 * because the catalog it publishes into is part of the app's layer catalog).
 */
@Configuration(proxyBeanMethods = false)
public class ProcessesModule {
    @Bean
    AnalysisService analysisService(LayerCatalog catalog, AccessPolicy policy, ElevationModel dem) {
        return new AnalysisService(catalog, policy, dem, SitingRules.defaults());
    }

    @Bean
    ProcessesController processesController(AnalysisService analysis, AuditLog audit, InundationLayers layers) {
        return new ProcessesController(analysis, audit, layers, Clock.systemUTC());
    }
}
