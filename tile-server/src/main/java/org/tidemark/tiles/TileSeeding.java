package org.tidemark.tiles;

import java.io.PrintStream;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.tile.TileMatrixSet;
import org.tidemark.core.tile.TileSource;
import org.tidemark.tiles.cache.SeedCommand;
import org.tidemark.tiles.cache.Seeder;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.imagery.ImageryTiles;
import org.tidemark.tiles.mvt.VectorTilesController;
import org.tidemark.tiles.terrain.Terrain;
import org.tidemark.tiles.web.TileGrids;
import org.tidemark.tiles.web.TileLookup;

/**
 * The {@code seed} command: fills the cache of a tile set ahead of use.
 * <ul>
 * <li>{@code --tileset terrain}: ranges limited to the available tiles; the default variant is what Cesium
 * requests with normals and water mask.</li>
 * <li>{@code --tileset basemap} or an overlay layer, {@code --format png|jpg} (png by default), {@code --tms ID}:
 * imagery tiles.</li>
 * <li>{@code --tileset LAYER --format mvt}, {@code --tms ID}: vector tiles.</li>
 * </ul>
 * Imagery and vector tiles are seeded as the anonymous public sees them — the view every viewer without a
 * grant shares; views of signed-in departments fill on first use. Without {@code --bbox} they cover the data
 * extent (the county for imagery, the layer's extent for vector tiles). Each tile goes through the same
 * validation and access gate as a request.
 */
public final class TileSeeding {
    private final Terrain terrain;
    private final TileCaches caches;
    private final ImageryTiles imagery;
    private final VectorTilesController vector;

    public TileSeeding(Terrain terrain, TileCaches caches, ImageryTiles imagery, VectorTilesController vector) {
        this.terrain = terrain;
        this.caches = caches;
        this.imagery = imagery;
        this.vector = vector;
    }

    /** Runs {@code seed --tileset NAME --zoom MIN-MAX [--bbox W,S,E,N] [--variant V] [--threads N] [--tms ID] [--format F]}. */
    public Seeder.Report run(PrintStream out, String... args) { return run(out, Principal.ANONYMOUS, args); }

    /**
     * As above, filling the cache entries of {@code viewer}'s view of imagery and vector tiles (the same entries
     * the viewer's requests hit: the cache key is the view its grants give, so a department's overlay tiles can
     * be made before its staff open the map). {@code --as} in the arguments is resolved by the caller.
     */
    public Seeder.Report run(PrintStream out, Principal viewer, String... args) {
        SeedCommand cmd = SeedCommand.parse(args);
        String whose = viewer.isAnonymous() ? "the public" : viewer.id() + " (" + viewer.department() + ")";
        if (cmd.tileset().equals("terrain") && cmd.format() == null) return terrain(cmd, out);
        TileMatrixSet set = TileMatrixSet.byId(cmd.tms())
                .orElseThrow(() -> new IllegalArgumentException("unknown tile matrix set " + cmd.tms()));
        String format = cmd.format() == null ? "png" : cmd.format();
        Envelope area;
        Lookup lookup;
        int maxZoom;
        if (format.equals("mvt")) {
            area = cmd.bbox() != null ? cmd.bbox() : vector.extent(cmd.tileset());
            lookup = (z, x, y) -> vector.lookup(cmd.tileset(), set.id(), z, x, y, viewer);
            maxZoom = set.firstLevel() + vector.maxZoom();
        } else {
            if (!imagery.exists(cmd.tileset())) throw new IllegalArgumentException("no tile set " + cmd.tileset());
            area = cmd.bbox() != null ? cmd.bbox() : imagery.extent();
            lookup = (z, x, y) -> imagery.lookup(cmd.tileset(), set.id(), z, x, y, format, viewer);
            maxZoom = set.firstLevel() + imagery.maxZoom();
        }
        if (area == null) throw new IllegalArgumentException("no extent for " + cmd.tileset() + ": give --bbox");
        int min = Math.max(cmd.minZoom(), set.firstLevel());
        int max = Math.min(cmd.maxZoom(), Math.min(maxZoom, set.lastLevel()));
        java.util.function.IntFunction<long[]> ranges = z -> set.matrix(z).map(m -> TileGrids.range(set, m, area)).orElse(null);
        long[] first = min <= max ? ranges.apply(min) : null;
        if (first != null) {
            try {
                lookup.at(min, first[0], first[1]); // unknown or non-public tile sets fail here, not once per tile
            } catch (GeoServiceException e) {
                throw new IllegalArgumentException(cmd.tileset() + ": " + e.getMessage() + " (seeding fills the view of "
                        + whose + "; --as USER seeds a signed-in user's)");
            }
        }
        out.println("seeding " + cmd.tileset() + " " + format + " " + set.id() + " levels " + min + "-" + max + " in " + area
                + " as " + whose + " sees it");
        TileSource tiles = (c, v) -> {
            TileLookup l = lookup.at(c.z(), c.x(), c.y());
            return l.source().tile(l.coord(), l.variant());
        };
        return Seeder.seed(tiles, min, max, ranges, List.of(""), cmd.threads(), out);
    }

    /** A tile set's lookup for the viewer being seeded. */
    @FunctionalInterface
    private interface Lookup {
        TileLookup at(int z, long x, long y);
    }

    private Seeder.Report terrain(SeedCommand cmd, PrintStream out) {
        TileSource chain = caches.chain("terrain");
        if (chain == null) throw new IllegalStateException("terrain cache not registered");
        List<String> variants = cmd.variants().isEmpty() ? List.of(terrain.defaultVariant()) : cmd.variants();
        out.println("seeding terrain levels " + cmd.minZoom() + "-" + Math.min(cmd.maxZoom(), terrain.maxZoom())
                + (cmd.bbox() == null ? "" : " in " + cmd.bbox()) + " variants " + variants);
        return Seeder.seed(chain, cmd.minZoom(), Math.min(cmd.maxZoom(), terrain.maxZoom()),
                z -> terrain.seedRange(z, cmd.bbox()), variants, cmd.threads(), out);
    }
}
