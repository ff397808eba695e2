package org.tidemark.layers;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.layers.ows.OwsController;
import org.tidemark.layers.ows.OwsService;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.GatedCatalog;

/**
 * Beans shared by the module's services: the gated catalog (the access gate in front of the
 * {@link LayerCatalog}; an {@link AccessPolicy} bean is required, there is no open default) and the shared
 * {@code /ows} endpoint that dispatches to every {@link OwsService} bean. A
 * {@link FeatureServiceSettings} bean is optional; services use the defaults without one.
 */
@Configuration(proxyBeanMethods = false)
public class LayersWebModule {

    static FeatureServiceSettings settings(ObjectProvider<FeatureServiceSettings> provided) {
        return provided.getIfAvailable(FeatureServiceSettings::defaults);
    }

    @Bean
    GatedCatalog gatedCatalog(LayerCatalog catalog, AccessPolicy policy) {
        return new GatedCatalog(catalog, policy);
    }

    @Bean
    OwsController owsController(List<OwsService> services, ObjectProvider<FeatureServiceSettings> settings) {
        return new OwsController(services, settings(settings));
    }
}
