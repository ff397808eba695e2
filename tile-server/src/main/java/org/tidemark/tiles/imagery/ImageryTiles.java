package org.tidemark.tiles.imagery;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileMatrix;
import org.tidemark.core.tile.TileMatrixSet;
import org.tidemark.core.tile.TileResult;
import org.tidemark.tiles.cache.CacheChain;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.web.ContentHash;
import org.tidemark.tiles.web.Gate;
import org.tidemark.tiles.web.TileGrids;
import org.tidemark.tiles.web.TileLookup;
import org.tidemark.tiles.web.TileNames;

/**
 * Imagery tiles behind the REST and WMTS endpoints: validates the request, asks the gate for every layer
 * of the tile set, and serves from the tile set's cache chain, whose variant is
 * {@code <tms>_<format>_<hash of the decisions>} so that different views never share a tile.
 */
public final class ImageryTiles {

    private final Imagery imagery;
    private final AccessPolicy policy;
    private final TileCaches caches;
    private final int maxZoom;
    private final Map<String, Map<String, AccessDecision>> views = new ConcurrentHashMap<>();

    public ImageryTiles(Imagery imagery, AccessPolicy policy, TileCaches caches, int maxZoom) {
        this.imagery = imagery;
        this.policy = policy;
        this.caches = caches;
        this.maxZoom = maxZoom;
    }

    public int maxZoom() { return maxZoom; }

    /** Tile set names and titles visible to the caller. */
    public List<String[]> tilesets(Principal principal) {
        return imagery.tilesets().stream()
                .filter(t -> t.basemap() || visible(principal, t.layers().get(0)))
                .map(t -> new String[] {t.name(), t.title()}).toList();
    }

    public Envelope extent() { return imagery.extent(); }

    /** Whether a tile set of this name exists (for anyone). */
    public boolean exists(String tileset) { return TileNames.valid(tileset) && imagery.tileset(tileset).isPresent(); }

    private boolean visible(Principal p, String layer) {
        AccessDecision d = policy.decide(p, layer);
        return d != null && d.visible();
    }

    /**
     * @throws GeoServiceException NOT_FOUND for unknown or hidden tile sets and unknown matrix sets,
     *                             INVALID_PARAMETER for levels or tiles outside the matrix
     */
    public TileResult tile(String tileset, String tmsId, int z, long col, long row, String format,
                           HttpServletRequest request) {
        TileLookup l = lookup(tileset, tmsId, z, col, row, format, request);
        return l.source().tile(l.coord(), l.variant());
    }

    /**
     * Validates an imagery tile request, asks the gate for every layer of the tile set and names the cache
     * entry of the caller's view (shared with the fast path).
     *
     * @throws GeoServiceException as {@link #tile}
     */
    public TileLookup lookup(String tileset, String tmsId, int z, long col, long row, String format,
                             HttpServletRequest request) {
        return lookup(tileset, tmsId, z, col, row, format, Gate.principal(request));
    }

    /** As above, for a principal known without a request (seeding the public view). */
    public TileLookup lookup(String tileset, String tmsId, int z, long col, long row, String format, Principal principal) {
        if (!TileNames.valid(tileset)) throw GeoServiceException.invalid("layer", "Invalid tile set name");
        ImageryTileset ts = imagery.tileset(tileset)
                .orElseThrow(() -> GeoServiceException.notFound("layer", "No such tile set: " + tileset));
        TileMatrixSet set = TileNames.matrixSet(tmsId)
                .orElseThrow(() -> GeoServiceException.notFound("tileMatrixSet", "Unknown tile matrix set: " + tmsId));
        TileMatrix m = TileGrids.matrix(set, z, maxZoom)
                .orElseThrow(() -> GeoServiceException.invalid("tileMatrix", "Tile matrix out of range: " + z));
        if (!m.contains(col, row)) throw GeoServiceException.invalid("tileRow", "Tile outside the tile matrix");
        if (!format.equals("png") && !format.equals("jpg")) throw GeoServiceException.invalid("format", "Unsupported format");
        Map<String, AccessDecision> decisions = new LinkedHashMap<>();
        StringBuilder keys = new StringBuilder();
        for (String layer : ts.layers()) {
            AccessDecision d = policy.decide(principal, layer);
            if (d == null || !d.visible()) continue;
            decisions.put(layer, d);
            keys.append(layer).append('=').append(Gate.key(d)).append(';');
        }
        if (!ts.basemap() && decisions.isEmpty()) throw GeoServiceException.notFound("layer", "No such tile set: " + tileset);
        for (String layer : ts.layers()) {
            // the source is looked up only when the version is due to be asked (at most once a second)
            caches.observeVersion(layer, () -> imagery.source(layer).map(FeatureSource::version).orElse(0L));
        }
        String viewKey = Gate.hash(keys.toString());
        views.putIfAbsent(viewKey, decisions);
        CacheChain chain = caches.registerIfAbsent("img-" + ts.name(), () -> (c, variant) -> {
            String[] p = variant.split("_", 3);
            TileMatrixSet s = TileNames.matrixSet(p[0]).orElseThrow();
            Map<String, AccessDecision> ds = views.get(p[2]);
            if (ds == null) return TileResult.NOT_FOUND;
            byte[] png = imagery.render(ts, s, s.matrix(c.z()).orElseThrow(), c.x(), c.y(), ds, p[1]);
            return new TileResult.Found(png, Imagery.mediaType(p[1]), false, ContentHash.of(png));
        }, Set.copyOf(ts.layers()), TileGrids::anyTilingBounds);
        return new TileLookup(chain, new TileCoord(z, (int) col, (int) row), set.id() + "_" + format + "_" + viewKey, null);
    }
}
