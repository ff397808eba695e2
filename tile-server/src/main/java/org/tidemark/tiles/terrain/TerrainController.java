package org.tidemark.tiles.terrain;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileSource;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.web.ContentHash;
import org.tidemark.tiles.web.TileLookup;
import org.tidemark.tiles.web.TileResponses;

/**
 * {@code /tiles/terrain/layer.json} and {@code /tiles/terrain/{z}/{x}/{y}.terrain} for CesiumJS's
 * {@code CesiumTerrainProvider}. Unknown query parameters (Cesium's {@code ?v=}) are ignored.
 */
@RestController
public class TerrainController {
    private final Terrain terrain;
    private final TileSource tiles;
    private final Duration maxAge;

    private final TileCaches caches;

    /**
     * @param tiles  the terrain source, usually wrapped in the cache chain
     * @param caches the cache registry told about DEM and land versions, or null
     */
    public TerrainController(Terrain terrain, TileSource tiles, TileCaches caches, Duration maxAge) {
        this.terrain = terrain;
        this.tiles = tiles;
        this.caches = caches;
        this.maxAge = maxAge;
    }

    @GetMapping("/tiles/terrain/layer.json")
    public ResponseEntity<byte[]> layerJson(HttpServletRequest request) {
        byte[] json = terrain.layerJson();
        var found = new org.tidemark.core.tile.TileResult.Found(json, "application/json", false, ContentHash.of(json));
        return TileResponses.of(found, request, maxAge, null, "layer.json");
    }

    @GetMapping("/tiles/terrain/{z}/{x}/{y}.terrain")
    public ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable long x, @PathVariable long y,
                                       HttpServletRequest request) {
        TileLookup l = lookup(z, x, y, request.getHeader(HttpHeaders.ACCEPT));
        return TileResponses.of(l.source().tile(l.coord(), l.variant()), request, maxAge, l.vary(), z + "/" + x + "/" + y);
    }

    /**
     * Validates a terrain tile request and names its cache entry (shared with the fast path).
     *
     * @param accept the Accept header, which selects the extensions
     * @throws GeoServiceException INVALID_PARAMETER outside the tiling, NOT_FOUND outside the available tiles
     */
    public TileLookup lookup(int z, long x, long y, String accept) {
        if (z < 0 || z > terrain.maxZoom() || x < 0 || y < 0 || x > Integer.MAX_VALUE || y > Integer.MAX_VALUE
                || !GeographicTiling.contains(z, x, y)) {
            throw GeoServiceException.invalid("tile", "Tile outside the tiling: " + z + "/" + x + "/" + y);
        }
        if (!terrain.available(z, x, y)) throw GeoServiceException.notFound("tile", "No terrain tile " + z + "/" + x + "/" + y);
        if (caches != null) {
            caches.observeVersion("dem", terrain::demVersion);
            caches.observeVersion("land", terrain::landVersion);
        }
        return new TileLookup(tiles, new TileCoord(z, (int) x, (int) y), terrain.variantFor(accept), "Accept");
    }
}
