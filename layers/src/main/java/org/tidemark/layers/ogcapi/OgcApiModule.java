package org.tidemark.layers.ogcapi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.GatedCatalog;

/** OGC API – Features beans. */
@Configuration(proxyBeanMethods = false)
public class OgcApiModule {

    @Bean
    OgcApiController ogcApiController(GatedCatalog catalog, ObjectProvider<FeatureServiceSettings> settings) {
        return new OgcApiController(catalog, settings.getIfAvailable(FeatureServiceSettings::defaults));
    }
}
