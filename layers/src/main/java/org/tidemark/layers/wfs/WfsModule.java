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
    WfsService wfsService(GatedCatalog catalog, ObjectProvider<FeatureServiceSettings> settings,
                          ObjectProvider<QueryAdmission> admission) {
        return new WfsService(catalog, settings.getIfAvailable(FeatureServiceSettings::defaults),
                admission.getIfAvailable(() -> new QueryAdmission(QueryAdmission.DEFAULT_PERMITS)));
    }

    @Bean
    WfsController wfsController(WfsService service, ObjectProvider<FeatureServiceSettings> settings) {
        return new WfsController(service, settings.getIfAvailable(FeatureServiceSettings::defaults));
    }
}
