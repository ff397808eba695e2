package org.tidemark.tiles.web;

import java.util.Map;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.testing.MemoryCatalog;

/** The fast-path fixtures for tests in other packages. */
public final class TileFastPathTestAccess {
    private TileFastPathTestAccess() {}

    /** land and a roads layer across the fixture county. */
    public static LayerCatalog catalog() {
        return new MemoryCatalog(Map.of("land", Fixtures.land(), "roads", TileFastPathTest.roads()));
    }

    public static long col(int z, double lon) { return TileFastPathTest.col(z, lon); }

    public static long row(int z, double lat) { return TileFastPathTest.row(z, lat); }
}
