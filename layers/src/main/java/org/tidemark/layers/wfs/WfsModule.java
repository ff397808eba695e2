package org.tidemark.layers.wfs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.GatedCatalog;

/** WFS beans: the service (also an {@code /ows} target) and the {@code /wfs} controller. */
@Configuration(proxyBeanMethods = false)
public class WfsModule {

    @Bean
    WfsService wfsService(GatedCatalog catalog, ObjectProvider<FeatureServiceSettings> settings) {
        return new WfsService(catalog, settings.getIfAvailable(FeatureServiceSettings::defaults));
    }

    @Bean
    WfsController wfsController(WfsService service, ObjectProvider<FeatureServiceSettings> settings) {
        return new WfsController(service, settings.getIfAvailable(FeatureServiceSettings::defaults));
    }
}
