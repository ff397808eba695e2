package org.tidemark.app.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.tidemark.app.config.TidemarkProperties;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.GrantPolicy;
import org.tidemark.core.access.GrantStore;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.cql2.Cql2TextParser;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.data.catalog.JdbcLayerCatalog;
import org.tidemark.data.jdbc.JdbcDataStore;
import org.tidemark.layers.processes.InundationLayers;
import org.tidemark.sensors.live.LiveGaugesLayer;

/**
 * The layer catalog the services see and the access gate in front of it: stored layers, then the live
 * {@code gauges} layer of the sensor module, then temporary analysis layers.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {
    @Bean
    InundationLayers inundationLayers() { return new InundationLayers(20); }

    @Bean
    CachedLayerCatalog storedLayers(JdbcDataStore store) {
        return new CachedLayerCatalog(new JdbcLayerCatalog(store), java.time.Duration.ofSeconds(2));
    }

    @Bean
    @Primary
    LayerCatalog tidemarkCatalog(CachedLayerCatalog stored, ObjectProvider<LiveGaugesLayer> live, InundationLayers temporary,
                                TidemarkProperties properties) {
        boolean gaugesPublic = properties.sensors().gaugesPublic();
        LayerCatalog gauges = new LayerCatalog() {
            // resolved lazily: the sensor module itself reads the stored station register from this catalog
            public List<Layer> layers() {
                LiveGaugesLayer l = live.getIfAvailable();
                return l == null ? List.of() : List.of(published(l.layer(), gaugesPublic));
            }

            public Optional<FeatureSource> source(String name) {
                LiveGaugesLayer l = live.getIfAvailable();
                return l != null && l.layer().name().equals(name) ? Optional.of(l) : Optional.empty();
            }
        };
        return new CompositeLayerCatalog(List.of(stored, gauges, temporary.catalog()));
    }

    /** The gauges layer as its provider publishes it: public to everyone, or behind grants like any layer. */
    static Layer published(Layer gauges, boolean isPublic) {
        return gauges.isPublic() == isPublic ? gauges : new Layer(gauges.type(), gauges.department(), gauges.keywords(),
                gauges.updateFrequency(), isPublic, gauges.live(), gauges.contact());
    }

    /** Parses a grant's CQL2 text row filter. */
    @Bean
    Function<String, Filter> rowFilterParser() { return text -> Cql2TextParser.parse(text); }

    @Bean
    AccessPolicy tidemarkAccessPolicy(LayerCatalog catalog, GrantStore grants, Function<String, Filter> rowFilterParser) {
        return new GrantPolicy(catalog, grants, rowFilterParser, Clock.systemUTC());
    }
}
