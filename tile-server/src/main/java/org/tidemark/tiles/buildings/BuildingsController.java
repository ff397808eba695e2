package org.tidemark.tiles.buildings;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.web.ContentHash;
import org.tidemark.tiles.web.Gate;
import org.tidemark.tiles.web.TileResponses;
import org.tidemark.core.tile.TileSource;

/**
 * {@code /tiles/buildings/tileset.json} and its content {@code /tiles/buildings/content/{level}/{x}/{y}.glb}.
 * Each request passes the access gate for the {@code buildings} layer; a hidden layer is 404. Query
 * parameters such as Cesium's {@code ?v=} are ignored.
 */
@RestController
public class BuildingsController {
    private final Buildings buildings;
    private final TileSource content;
    private final AccessPolicy policy;
    private final TileCaches caches;
    private final Duration maxAge;

    /** @param content the buildings content source, usually wrapped in the cache chain */
    public BuildingsController(Buildings buildings, TileSource content, AccessPolicy policy, TileCaches caches,
                               Duration maxAge) {
        this.buildings = buildings;
        this.content = content;
        this.policy = policy;
        this.caches = caches;
        this.maxAge = maxAge;
    }

    @GetMapping("/tiles/buildings/tileset.json")
    public ResponseEntity<byte[]> tileset(HttpServletRequest request) {
        String key = viewKey(request);
        byte[] json = buildings.tilesetJson(key);
        return TileResponses.of(new TileResult.Found(json, "application/json", false, ContentHash.of(json)), request,
                maxAge, null, "tileset.json");
    }

    @GetMapping("/tiles/buildings/content/{level}/{x}/{y}.glb")
    public ResponseEntity<byte[]> content(@PathVariable int level, @PathVariable int x, @PathVariable int y,
                                          HttpServletRequest request) {
        if (level < 0 || level > 20 || x < 0 || y < 0 || x >= (1 << level) || y >= (1 << level)) {
            throw GeoServiceException.invalid("tile", "Invalid tile address");
        }
        String key = viewKey(request);
        return TileResponses.of(content.tile(new TileCoord(level, x, y), key), request, maxAge, null,
                level + "/" + x + "/" + y);
    }

    private String viewKey(HttpServletRequest request) {
        AccessDecision d = Gate.decide(policy, request, Buildings.LAYER);
        if (caches != null) caches.observeVersion(Buildings.LAYER, buildings::refresh);
        return buildings.viewKey(d);
    }
}
