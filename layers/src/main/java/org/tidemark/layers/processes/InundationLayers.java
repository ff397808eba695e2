package org.tidemark.layers.processes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.source.memory.MemoryFeatureSource;
import org.tidemark.core.source.memory.MemoryLayerCatalog;
import org.tidemark.layers.analysis.InundationResult;

/**
 * Inundation results published as temporary layers ({@code inundation_<id>}), so that WMS, WFS and
 * OGC API serve them like any layer and the viewer can drape them. The newest {@code capacity} are kept.
 * The app adds {@link #catalog()} to the layer catalog.
 */
public final class InundationLayers {
    static final Department EMERGENCY = new Department("emergency", LocalizedText.of("应急管理局", "Emergency Management Bureau"));
    private static final List<Attribute> ATTRIBUTES = List.of(
            Attribute.of("level", AttributeType.DOUBLE, "水位 (m)", "Water level (m)"),
            Attribute.of("area_m2", AttributeType.DOUBLE, "淹没面积 (m²)", "Flooded area (m²)"),
            Attribute.of("max_depth_m", AttributeType.DOUBLE, "最大水深 (m)", "Maximum depth (m)"),
            Attribute.of("source", AttributeType.STRING, "来源", "Source"));

    private final MemoryLayerCatalog catalog = new MemoryLayerCatalog();
    private final Deque<String> order = new ArrayDeque<>();
    private final int capacity;

    public InundationLayers(int capacity) { this.capacity = capacity; }

    public MemoryLayerCatalog catalog() { return catalog; }

    synchronized String publish(InundationResult r) {
        String name = "inundation_" + UUID.randomUUID().toString().substring(0, 8);
        FeatureType type = new FeatureType(name, LocalizedText.of("淹没分析 " + r.source() + " " + r.level() + " m",
                "Inundation " + r.source() + " at " + r.level() + " m"), LocalizedText.of("临时分析结果", "Temporary analysis result"),
                ATTRIBUTES, "geom", GeometryKind.MULTIPOLYGON, 4490, null);
        Feature f = new Feature("flooded", r.flooded(), Map.of("level", r.level(), "area_m2", r.floodedAreaM2(),
                "max_depth_m", r.maxDepthM(), "source", r.source()));
        catalog.add(new Layer(type, EMERGENCY, List.of("inundation", "淹没"), "on demand", true, false, null),
                MemoryFeatureSource.of(type, f));
        order.addLast(name);
        while (order.size() > capacity) catalog.remove(order.removeFirst());
        return name;
    }
}
