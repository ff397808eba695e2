package org.tidemark.layers.wms;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.render.IconLoader;
import org.tidemark.core.render.LegendRenderer;
import org.tidemark.core.render.MapRenderer;

/**
 * The WMS feature: expects a {@link LayerCatalog} and an {@link AccessPolicy} bean, and optionally a
 * {@link WmsSettings} bean (the defaults otherwise). Imported by {@code LayersModule}.
 */
@Configuration(proxyBeanMethods = false)
public class WmsModule {
    /** Where the bundled SLD files and their icons live on the classpath. */
    static final String STYLE_BASE = "styles/";

    @Bean
    WmsController wmsController(LayerCatalog catalog, AccessPolicy policy, ObjectProvider<WmsSettings> settingsProvider) {
        WmsSettings settings = settingsProvider.getIfAvailable(WmsSettings::defaults);
        return create(catalog, policy, settings);
    }

    /** Wires the controller without Spring (tests, other entry points). */
    public static WmsController create(LayerCatalog catalog, AccessPolicy policy, WmsSettings settings) {
        LayerAccess access = new LayerAccess(catalog, policy);
        StyleLibrary styles = new StyleLibrary(STYLE_BASE);
        IconLoader icons = IconLoader.classpath(STYLE_BASE);
        return new WmsController(settings, access, new GetMapService(access, styles, new MapRenderer(icons)),
                new FeatureInfoService(access, settings), new LegendService(access, styles, new LegendRenderer(icons)),
                new CapabilitiesWriter(settings, styles));
    }
}
