package org.tidemark.tiles.imagery;

import java.util.List;

/**
 * A raster tile set: the layers drawn (bottom first), whether it is an opaque basemap (sea-coloured
 * background and DEM hillshade over the land) or a transparent overlay.
 *
 * @param name   the identifier in URLs and WMTS capabilities
 * @param title  a human title
 * @param layers catalog layer names, bottom first
 * @param basemap opaque with background and hillshade
 */
record ImageryTileset(String name, String title, List<String> layers, boolean basemap) {
    static final String BASEMAP = "basemap";
    static final List<String> BASEMAP_LAYERS = List.of("land", "low_lying_areas", "reservoirs", "streams", "seawalls",
            "roads", "place_names");
}
