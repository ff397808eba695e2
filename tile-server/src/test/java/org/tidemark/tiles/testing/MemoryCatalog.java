package org.tidemark.tiles.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.source.FeatureSource;

/** A catalog over in-memory sources. */
public final class MemoryCatalog implements LayerCatalog {
    private final Map<String, FeatureSource> sources;

    public MemoryCatalog(Map<String, FeatureSource> sources) {
        this.sources = Map.copyOf(sources);
    }

    @Override
    public List<Layer> layers() {
        Department planning = new Department("planning", LocalizedText.of("规划局", "Planning Bureau"));
        return sources.values().stream().map(s -> new Layer(s.type(), planning, List.of(), "static", true, false, null)).toList();
    }

    @Override
    public Optional<FeatureSource> source(String name) { return Optional.ofNullable(sources.get(name)); }
}
