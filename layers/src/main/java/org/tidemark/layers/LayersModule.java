package org.tidemark.layers;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tidemark.layers.ogcapi.OgcApiModule;
import org.tidemark.layers.wfs.WfsModule;

/**
 * The {@code layers} module's one entry point for the app: imports the configuration of every service the
 * module provides. Expects beans of the geo-core ports {@code LayerCatalog} and {@code AccessPolicy}, and
 * optionally a {@link org.tidemark.layers.web.FeatureServiceSettings} (defaults otherwise).
 *
 * <p>Each service package contributes one {@code *Module} configuration class; add yours to the list
 * below (WMS: {@code org.tidemark.layers.wms.WmsModule}; governance and analysis modules likewise).
 */
@Configuration(proxyBeanMethods = false)
@Import({
        LayersWebModule.class,
        WfsModule.class,
        OgcApiModule.class,
        // WmsModule.class,        <- org.tidemark.layers.wms (map rendering helper)
        // further modules (governance, analysis) go here
})
public class LayersModule {
}
