package org.tidemark.tiles;

import java.io.PrintStream;
import java.util.List;
import org.tidemark.core.tile.TileSource;
import org.tidemark.tiles.cache.SeedCommand;
import org.tidemark.tiles.cache.Seeder;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.terrain.Terrain;

/**
 * The {@code seed} command: fills the cache of a tile set ahead of use. Supported tile set: {@code terrain}
 * (ranges limited to the available tiles; the default variant is what Cesium requests with normals and
 * water mask).
 */
public final class TileSeeding {
    private final Terrain terrain;
    private final TileCaches caches;

    public TileSeeding(Terrain terrain, TileCaches caches) {
        this.terrain = terrain;
        this.caches = caches;
    }

    /** Runs {@code seed --tileset terrain --zoom 0-14 [--bbox W,S,E,N] [--variant V] [--threads N]}. */
    public Seeder.Report run(PrintStream out, String... args) {
        SeedCommand cmd = SeedCommand.parse(args);
        if (!cmd.tileset().equals("terrain")) throw new IllegalArgumentException("only the terrain tile set can be seeded");
        TileSource chain = caches.chain("terrain");
        if (chain == null) throw new IllegalStateException("terrain cache not registered");
        List<String> variants = cmd.variants().isEmpty() ? List.of(terrain.defaultVariant()) : cmd.variants();
        out.println("seeding terrain levels " + cmd.minZoom() + "-" + Math.min(cmd.maxZoom(), terrain.maxZoom())
                + (cmd.bbox() == null ? "" : " in " + cmd.bbox()) + " variants " + variants);
        return Seeder.seed(chain, cmd.minZoom(), Math.min(cmd.maxZoom(), terrain.maxZoom()),
                z -> terrain.seedRange(z, cmd.bbox()), variants, cmd.threads(), out);
    }
}
