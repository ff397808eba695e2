package org.tidemark.app.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.source.FeatureSource;

/**
 * The one catalog the services see: the stored layers (JDBC) followed by the live ones (the sensor
 * module's gauges). The first catalog that knows a name wins, so a stored layer can never be shadowed
 * by accident from a later part.
 */
public final class CompositeLayerCatalog implements LayerCatalog {
    private final List<LayerCatalog> parts;

    public CompositeLayerCatalog(List<LayerCatalog> parts) { this.parts = List.copyOf(parts); }

    @Override
    public List<Layer> layers() {
        List<Layer> all = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (LayerCatalog part : parts) {
            for (Layer l : part.layers()) if (seen.add(l.name())) all.add(l);
        }
        return all;
    }

    @Override
    public Optional<Layer> layer(String name) {
        for (LayerCatalog part : parts) {
            Optional<Layer> l = part.layer(name);
            if (l.isPresent()) return l;
        }
        return Optional.empty();
    }

    @Override
    public Optional<FeatureSource> source(String name) {
        for (LayerCatalog part : parts) {
            if (part.layer(name).isPresent()) return part.source(name);
        }
        return Optional.empty();
    }
}
