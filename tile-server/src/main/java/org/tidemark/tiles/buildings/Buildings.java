package org.tidemark.tiles.buildings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.core.tile.TileResult;
import org.tidemark.core.tile.TileSource;
import org.tidemark.tiles.web.ContentHash;

/**
 * The 3D Tiles 1.1 buildings tile set (OGC 22-025r4): an explicit quadtree ({@link BuildingIndex}) with
 * {@code region} bounding volumes and geometric errors that halve per level, leaves carrying glb content
 * of extruded footprints standing on the DEM, positioned by an east-north-up {@code transform}. One view
 * of the tile set exists per access decision (row filter, attribute mask, spatial limit), keyed by a
 * hash of the decision; the tile source's variant is that key. Views are rebuilt when the layer's
 * version changes.
 */
public final class Buildings {
    public static final String LAYER = "buildings";
    static final double DEFAULT_HEIGHT = 10;
    static final double FLOOR_HEIGHT = 3;

    private record View(AccessDecision decision, BuildingIndex index, byte[] tilesetJson) {}

    private final java.util.function.Supplier<FeatureSource> sources;
    private volatile FeatureSource source;
    private final ElevationModel dem;
    private final int maxLevel;
    private final int maxPerTile;
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private volatile long version;

    public Buildings(FeatureSource source, ElevationModel dem, int maxLevel, int maxPerTile) {
        this(() -> source, dem, maxLevel, maxPerTile);
    }

    /** As above, with the layer looked up on use (the catalog may fill after start-up). */
    public Buildings(java.util.function.Supplier<FeatureSource> source, ElevationModel dem, int maxLevel, int maxPerTile) {
        this.sources = source;
        this.dem = dem;
        this.maxLevel = maxLevel;
        this.maxPerTile = maxPerTile;
    }

    /** The layer, or a NotFound-worthy absence. */
    private FeatureSource layer() {
        FeatureSource s = source;
        if (s == null) {
            s = sources.get();
            if (s == null) throw org.tidemark.core.error.GeoServiceException.notFound(LAYER, "No buildings layer");
            source = s;
            version = s.version();
        }
        return s;
    }

    /** Checks the layer's version; when it changed, drops every view. Returns the current version. */
    public long refresh() {
        long v = layer().version();
        if (v != version) {
            version = v;
            views.clear();
        }
        return v;
    }

    /** The cache variant key of a decision's view (also prepares the view). */
    public String viewKey(AccessDecision d) {
        String key = org.tidemark.tiles.web.Gate.key(d);
        views.computeIfAbsent(key, k -> build(d));
        return key;
    }

    public byte[] tilesetJson(String viewKey) { return view(viewKey).tilesetJson; }

    /** Content tiles: the variant is a view key from {@link #viewKey}; the coordinate a quadtree node. */
    public TileSource source() {
        return (c, variant) -> {
            View v = views.get(variant);
            if (v == null) return TileResult.NOT_FOUND;
            BuildingIndex.Node leaf = v.index.leaf(c.z(), c.x(), c.y());
            if (leaf == null) return TileResult.NOT_FOUND;
            byte[] gz = org.tidemark.tiles.web.Gzip.compress(content(v, leaf));
            return new TileResult.Found(gz, "model/gltf-binary", true, ContentHash.of(gz));
        };
    }

    private View view(String key) {
        View v = views.get(key);
        if (v == null) throw new IllegalStateException("unknown view");
        return v;
    }

    private View build(AccessDecision d) {
        List<BuildingIndex.Entry> entries = new ArrayList<>();
        FeatureSource source = layer();
        try (FeatureCursor cursor = source.query(FeatureQuery.all(source.type().name()).withFilter(d.rowFilter()))) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                Geometry g = f.geometry();
                if (g == null || g.isEmpty() || !allowed(d, g)) continue;
                Point c = g.getCentroid();
                double base = base(g);
                entries.add(new BuildingIndex.Entry(f.id(), c.getX(), c.getY(), g.getEnvelopeInternal(), base,
                        base + height(f)));
            }
        }
        BuildingIndex index = new BuildingIndex(entries, maxLevel, maxPerTile);
        return new View(d, index, TilesetJson.write(index));
    }

    private static boolean allowed(AccessDecision d, Geometry g) {
        return d.spatialLimit() == null || d.spatialLimit().intersects(g);
    }

    private byte[] content(View v, BuildingIndex.Node leaf) {
        AccessDecision d = v.decision;
        List<BuildingRecord> records = new ArrayList<>();
        FeatureSource source = layer();
        FeatureQuery q = FeatureQuery.all(source.type().name()).withFilter(d.rowFilter()).withBbox(leaf.content);
        try (FeatureCursor cursor = source.query(q)) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                if (!leaf.members.contains(f.id()) || f.geometry() == null || !allowed(d, f.geometry())) continue;
                records.add(new BuildingRecord(f.id(), f.geometry(), base(f.geometry()), height(f),
                        d.attributeVisible("name") ? string(f.get("name")) : null,
                        d.attributeVisible("height") ? number(f.get("height")) : null,
                        d.attributeVisible("floors") && number(f.get("floors")) != null ? number(f.get("floors")).intValue() : null,
                        d.attributeVisible("use") ? string(f.get("use")) : null));
            }
        }
        records.sort(Comparator.comparing(BuildingRecord::id));
        Envelope e = leaf.content;
        BuildingMesher mesher = new BuildingMesher(new LocalFrame(e.centre().x, e.centre().y));
        for (int i = 0; i < records.size(); i++) mesher.add(records.get(i), i);
        return GlbWriter.write(mesher.mesh(), records, new GlbWriter.Visible(d.attributeVisible("name"),
                d.attributeVisible("height"), d.attributeVisible("floors"), d.attributeVisible("use")));
    }

    /** Ground under a footprint: the lowest DEM height at its vertices (sea and no data count as 0). */
    private double base(Geometry g) {
        double min = Double.MAX_VALUE;
        for (Coordinate c : g.getCoordinates()) {
            double h = dem.elevation(c.x, c.y);
            min = Math.min(min, Double.isNaN(h) ? 0 : h);
        }
        return min == Double.MAX_VALUE ? 0 : min;
    }

    static double height(Feature f) {
        Double h = number(f.get("height"));
        if (h != null && h > 0) return h;
        Double floors = number(f.get("floors"));
        return floors != null && floors > 0 ? floors * FLOOR_HEIGHT : DEFAULT_HEIGHT;
    }

    private static Double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String string(Object o) { return o == null ? null : o.toString(); }

    static Map<String, Object> region(Envelope e, double minH, double maxH) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", List.of(Math.toRadians(e.getMinX()), Math.toRadians(e.getMinY()), Math.toRadians(e.getMaxX()),
                Math.toRadians(e.getMaxY()), minH, maxH));
        return m;
    }
}
