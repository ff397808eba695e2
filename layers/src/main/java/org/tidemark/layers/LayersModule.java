package org.tidemark.layers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tidemark.layers.ogcapi.OgcApiModule;
import org.tidemark.layers.ows.OwsService;
import org.tidemark.layers.wfs.WfsModule;
import org.tidemark.layers.wms.WmsController;
import org.tidemark.layers.wms.WmsModule;

/**
 * The {@code layers} module's one entry point for the app: imports the configuration of every service the
 * module provides. Expects beans of the geo-core ports {@code LayerCatalog} and {@code AccessPolicy}, and
 * optionally a {@link org.tidemark.layers.web.FeatureServiceSettings} and a {@code WmsSettings} (defaults
 * otherwise).
 *
 * <p>Each service package contributes one {@code *Module} configuration class; add yours to the list below.
 * The shared {@code /ows} endpoint ({@link org.tidemark.layers.ows.OwsController}) dispatches on SERVICE to
 * every {@link OwsService} bean.
 */
@Configuration(proxyBeanMethods = false)
@Import({
        LayersWebModule.class,   // gated catalog, /ows dispatcher
        WfsModule.class,         // /wfs, WFS on /ows
        OgcApiModule.class,      // /ogc (OGC API – Features)
        WmsModule.class,         // /wms, WMS on /ows
        // GovernanceModule (needs GrantStore, AuditLog, a rowFilterParser) and ProcessesModule (needs an
        // ElevationModel, AuditLog, InundationLayers) are imported by the app, which provides those beans.
})
public class LayersModule {

    /**
     * Routes {@code /ows?SERVICE=WMS} spellings the WMS controller's own mappings do not match (e.g.
     * {@code Service=wms}) through the shared dispatcher.
     */
    @Bean
    OwsService wmsOnOws(WmsController wms) {
        return new OwsService() {
            @Override
            public String service() { return "WMS"; }

            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, byte[] body) throws IOException {
                wms.handle(request, response);
            }
        };
    }
}
