package org.tidemark.tiles;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The tile server's settings (bound from {@code tidemark.tiles.*} by the app; defaults here).
 *
 * @param cacheDir            directory of the disk tile cache, or null for memory-only caching
 * @param memoryCacheBytes    the memory cache budget
 * @param terrainMaxZoom      the deepest terrain level served over the DEM
 * @param terrainGlobalMaxZoom the deepest terrain level served for the whole world (flat outside the DEM)
 * @param buildingsMaxLevel   the depth of the 3D Tiles quadtree
 * @param vectorMaxZoom       the deepest MVT / imagery level
 * @param maxAge              {@code Cache-Control: max-age} for tiles
 */
public record TilesSettings(Path cacheDir, long memoryCacheBytes, int terrainMaxZoom, int terrainGlobalMaxZoom,
                            int buildingsMaxLevel, int vectorMaxZoom, Duration maxAge) {
    public TilesSettings {
        if (terrainMaxZoom < 0 || terrainMaxZoom > 20) throw new IllegalArgumentException("terrainMaxZoom 0..20");
        if (terrainGlobalMaxZoom < 0 || terrainGlobalMaxZoom > terrainMaxZoom) {
            throw new IllegalArgumentException("terrainGlobalMaxZoom 0..terrainMaxZoom");
        }
        if (buildingsMaxLevel < 0 || buildingsMaxLevel > 10) throw new IllegalArgumentException("buildingsMaxLevel 0..10");
        if (vectorMaxZoom < 0 || vectorMaxZoom > 22) throw new IllegalArgumentException("vectorMaxZoom 0..22");
        if (maxAge == null) maxAge = Duration.ofHours(1);
    }

    public static TilesSettings defaults() {
        return new TilesSettings(null, 256L << 20, 16, 5, 6, 20, Duration.ofHours(1));
    }

    public TilesSettings withCacheDir(Path dir) {
        return new TilesSettings(dir, memoryCacheBytes, terrainMaxZoom, terrainGlobalMaxZoom, buildingsMaxLevel,
                vectorMaxZoom, maxAge);
    }
}
