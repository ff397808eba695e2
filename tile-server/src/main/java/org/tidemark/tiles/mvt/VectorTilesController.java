package org.tidemark.tiles.mvt;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileMatrix;
import org.tidemark.core.tile.TileMatrixSet;
import org.tidemark.tiles.cache.CacheChain;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.web.Gate;
import org.tidemark.tiles.web.TileGrids;
import org.tidemark.tiles.web.TileLookup;
import org.tidemark.tiles.web.TileNames;
import org.tidemark.tiles.web.TileResponses;

/**
 * Vector tiles of every feature layer: OGC API – Tiles 1.0 {@code /ogc/collections/{id}/tiles/{tms}/{z}/{y}/{x}}
 * (requirement class "tileset", path order tileMatrix/tileRow/tileCol) and the XYZ form
 * {@code /tiles/{layer}/{tms}/{z}/{x}/{y}.mvt}. Empty tiles are 204 (OGC API – Tiles §7.1 permission 5);
 * rows count from the top in every tile matrix set.
 */
@RestController
public class VectorTilesController {

    private final LayerCatalog catalog;
    private final AccessPolicy policy;
    private final TileCaches caches;
    private final int maxZoom;
    private final Duration maxAge;
    private final VectorTiles encoder = new VectorTiles();

    public VectorTilesController(LayerCatalog catalog, AccessPolicy policy, TileCaches caches, int maxZoom,
                                 Duration maxAge) {
        this.catalog = catalog;
        this.policy = policy;
        this.caches = caches;
        this.maxZoom = maxZoom;
        this.maxAge = maxAge;
    }

    @GetMapping("/ogc/collections/{id}/tiles/{tms}/{z}/{y}/{x}")
    public ResponseEntity<byte[]> ogc(@PathVariable String id, @PathVariable String tms, @PathVariable int z,
                                      @PathVariable long y, @PathVariable long x, HttpServletRequest request) {
        return tile(id, tms, z, x, y, request);
    }

    @GetMapping("/tiles/{layer}/{tms}/{z}/{x}/{y}.mvt")
    public ResponseEntity<byte[]> xyz(@PathVariable String layer, @PathVariable String tms, @PathVariable int z,
                                      @PathVariable long x, @PathVariable long y, HttpServletRequest request) {
        return tile(layer, tms, z, x, y, request);
    }

    private ResponseEntity<byte[]> tile(String layer, String tmsId, int z, long x, long y, HttpServletRequest request) {
        TileLookup l = lookup(layer, tmsId, z, x, y, request);
        return TileResponses.of(l.source().tile(l.coord(), l.variant()), request, maxAge, l.vary(),
                layer + "/" + z + "/" + x + "/" + y);
    }

    /**
     * Validates a vector tile request, asks the gate and names the cache entry of the caller's view
     * (shared with the fast path).
     *
     * @throws GeoServiceException INVALID_PARAMETER for bad names, levels or tiles, NOT_FOUND for unknown
     *                             matrix sets and for layers the caller may not see
     */
    public TileLookup lookup(String layer, String tmsId, int z, long x, long y, HttpServletRequest request) {
        return lookup(layer, tmsId, z, x, y, Gate.principal(request));
    }

    /** As above, for a principal known without a request (seeding the public view). */
    public TileLookup lookup(String layer, String tmsId, int z, long x, long y, Principal principal) {
        if (!TileNames.valid(layer)) throw GeoServiceException.invalid("collectionId", "Invalid layer name");
        TileMatrixSet set = TileNames.matrixSet(tmsId)
                .orElseThrow(() -> GeoServiceException.notFound("tileMatrixSetId", "Unknown tile matrix set"));
        TileMatrix m = TileGrids.matrix(set, z, maxZoom)
                .orElseThrow(() -> GeoServiceException.invalid("tileMatrix", "Tile matrix out of range: " + z));
        if (!m.contains(x, y)) throw GeoServiceException.invalid("tileRow", "Tile outside the tile matrix");
        AccessDecision decision = Gate.decide(policy, principal, layer);
        FeatureSource source = catalog.source(layer)
                .orElseThrow(() -> GeoServiceException.notFound("collectionId", "No such layer: " + layer));
        caches.observeVersion(layer, source::version);
        CacheChain chain = caches.registerIfAbsent("mvt-" + layer,
                () -> (c, variant) -> {
                    String[] parts = variant.split("_", 2);
                    TileMatrixSet s = TileNames.matrixSet(parts[0]).orElseThrow();
                    TileMatrix tm = s.matrix(c.z()).orElseThrow();
                    AccessDecision d = decisions.get(parts[1]);
                    FeatureSource src = catalog.source(layer).orElse(null);
                    if (d == null || src == null) return org.tidemark.core.tile.TileResult.NOT_FOUND;
                    return encoder.encode(src, d, s, tm, c.x(), c.y());
                }, Set.of(layer), TileGrids::anyTilingBounds);
        String key = Gate.key(decision);
        decisions.putIfAbsent(key, decision);
        return new TileLookup(chain, new TileCoord(z, (int) x, (int) y), set.id() + "_" + key, null);
    }

    /** The deepest level served, counted from a set's first level. */
    public int maxZoom() { return maxZoom; }

    /** The lon/lat extent of a layer's data, or null (seeding's default area). */
    public Envelope extent(String layer) {
        return catalog.source(layer).map(FeatureSource::extent).orElse(null);
    }

    /** Decisions seen, by key, so the cached source can rebuild a tile for a variant. */
    private final java.util.Map<String, AccessDecision> decisions = new java.util.concurrent.ConcurrentHashMap<>();
}
