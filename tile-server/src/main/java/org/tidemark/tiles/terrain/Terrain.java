package org.tidemark.tiles.terrain;

import java.nio.charset.StandardCharsets;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.core.tile.TileSource;

/**
 * The terrain tile set: a quantized-mesh-1.0 generator over the DEM, its availability and its
 * {@code layer.json} (the TileJSON 2.1.0 document Cesium's {@code CesiumTerrainProvider} reads).
 */
public final class Terrain {
    private final ElevationModel dem;
    private final java.util.function.Supplier<FeatureSource> land;
    private final int globalMaxZoom;
    private final int maxZoom;
    private volatile State state;
    private volatile long demVersion;

    private record State(TerrainTileSource source, TerrainAvailability availability, TerrainExtensions offered) {}

    /**
     * @param dem           the elevation model
     * @param land          the land polygon layer for the water mask, or null
     * @param globalMaxZoom deepest level served for the whole world
     * @param maxZoom       deepest level served over the data extent
     */
    public Terrain(ElevationModel dem, FeatureSource land, int globalMaxZoom, int maxZoom) {
        this(dem, () -> land, globalMaxZoom, maxZoom);
    }

    /** As above, with the land layer looked up on first use (the catalog may fill after start-up). */
    public Terrain(ElevationModel dem, java.util.function.Supplier<FeatureSource> land, int globalMaxZoom, int maxZoom) {
        this.dem = dem;
        this.land = land;
        this.globalMaxZoom = globalMaxZoom;
        this.maxZoom = maxZoom;
    }

    private State state() {
        State s = state;
        if (s == null) {
            synchronized (this) {
                if (state == null) {
                    FeatureSource l = land.get();
                    Envelope data = new Envelope(dem.extent());
                    if (l != null && l.extent() != null) data.expandToInclude(l.extent());
                    TerrainAvailability availability = new TerrainAvailability(globalMaxZoom, maxZoom, data);
                    WaterMaskRenderer mask = new WaterMaskRenderer(l, data);
                    state = new State(new TerrainTileSource(dem, mask, availability), availability,
                            new TerrainExtensions(true, mask.available()));
                }
                s = state;
            }
        }
        return s;
    }

    /** The generating source (resolves the land layer on first call). */
    public TileSource source() { return (c, v) -> state().source().tile(c, v); }

    TerrainTileSource generator() { return state().source(); }

    /** The lon/lat envelope of a terrain tile (TMS rows). */
    public static Envelope tileBounds(org.tidemark.core.tile.TileCoord c) {
        return GeographicTiling.envelope(c.z(), c.x(), c.y());
    }

    TerrainAvailability availability() { return state().availability(); }

    TerrainExtensions offered() { return state().offered(); }

    public int maxZoom() { return maxZoom; }

    /** Whether a tile exists (levels, world bounds and data extent). */
    public boolean available(int z, long x, long y) { return availability().contains(z, x, y); }

    /** The variant key for an Accept header: the requested extensions we offer. */
    public String variantFor(String accept) {
        if (accept == null) return TerrainExtensions.fromAccept(null, offered()).key();
        // clients send the same few Accept headers over and over: parse each once
        String v = variants.get(accept);
        if (v == null) {
            v = TerrainExtensions.fromAccept(accept, offered()).key();
            if (variants.size() >= 256) variants.clear();
            variants.put(accept, v);
        }
        return v;
    }

    private final java.util.Map<String, String> variants = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The inclusive tile range {minX, minY, maxX, maxY} of available tiles at a level inside a lon/lat box
     * (null box = everything available), or null when there are none.
     */
    public long[] seedRange(int z, Envelope bbox) {
        if (z < 0 || z > maxZoom) return null;
        long[] a = availability().range(z);
        if (bbox == null) return a;
        long[] b = GeographicTiling.range(z, bbox);
        long[] r = {Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])};
        return r[0] > r[2] || r[1] > r[3] ? null : r;
    }

    /**
     * A fingerprint of the DEM (extent, resolution and a grid of sampled heights) for cache validation:
     * replacing the DEM changes it, so stale terrain on disk is dropped.
     */
    public long demVersion() {
        long v = demVersion;
        if (v == 0) {
            Envelope e = dem.extent();
            long h = java.util.Objects.hash(e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY(), dem.resolution());
            for (int i = 0; i <= 16; i++) {
                for (int j = 0; j <= 16; j++) {
                    double z = dem.elevation(e.getMinX() + e.getWidth() * (i + 0.37) / 17.5,
                            e.getMinY() + e.getHeight() * (j + 0.61) / 17.5);
                    h = h * 31 + Double.hashCode(z);
                }
            }
            v = h == 0 ? 1 : h;
            demVersion = v;
        }
        return v;
    }

    /** The land layer's version, or 0 without one. */
    public long landVersion() {
        FeatureSource l = land.get();
        return l == null ? 0 : l.version();
    }

    /** The variant Cesium asks for with normals and (when offered) the water mask. */
    public String defaultVariant() { return offered().key(); }

    /** The {@code layer.json} document. */
    public byte[] layerJson() {
        TerrainAvailability availability = availability();
        TerrainExtensions offered = offered();
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\"tilejson\":\"2.1.0\",\"name\":\"tidemark-terrain\",")
                .append("\"description\":\"Terrain from the county DEM (heights above the vertical datum)\",")
                .append("\"version\":\"1.0.0\",\"format\":\"quantized-mesh-1.0\",\"scheme\":\"tms\",")
                .append("\"tiles\":[\"{z}/{x}/{y}.terrain?v={version}\"],")
                .append("\"projection\":\"EPSG:4326\",\"bounds\":[-180,-90,180,90],")
                .append("\"minzoom\":0,\"maxzoom\":").append(availability.maxZoom()).append(',')
                .append("\"attribution\":\"Tidemark\",\"extensions\":[");
        var names = offered.names();
        for (int i = 0; i < names.size(); i++) sb.append(i > 0 ? "," : "").append('"').append(names.get(i)).append('"');
        sb.append("],\"available\":[");
        for (int z = 0; z <= availability.maxZoom(); z++) {
            long[] r = availability.range(z);
            sb.append(z > 0 ? "," : "").append("[{\"startX\":").append(r[0]).append(",\"startY\":").append(r[1])
                    .append(",\"endX\":").append(r[2]).append(",\"endY\":").append(r[3]).append("}]");
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
