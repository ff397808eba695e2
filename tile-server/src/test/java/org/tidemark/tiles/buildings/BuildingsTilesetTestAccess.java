package org.tidemark.tiles.buildings;

import org.tidemark.tiles.testing.MemorySource;

/** Lets tests in other packages reuse the building fixture. */
public final class BuildingsTilesetTestAccess {
    private BuildingsTilesetTestAccess() {}

    public static MemorySource buildings() { return BuildingsTilesetTest.buildings(); }
}
