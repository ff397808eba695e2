package org.tidemark.tiles.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tidemark.tiles.web.TilePath.Kind;

class TilePathTest {
    @Test
    void recognisesTheThreeTileUrlFamilies() {
        assertThat(TilePath.parse("/tiles/terrain/12/6843/2862.terrain"))
                .isEqualTo(new TilePath(Kind.TERRAIN, "terrain", null, "terrain", 12, 6843, 2862));
        assertThat(TilePath.parse("/tiles/basemap/WebMercatorQuad/10/857/417.png"))
                .isEqualTo(new TilePath(Kind.IMAGERY, "basemap", "WebMercatorQuad", "png", 10, 857, 417));
        assertThat(TilePath.parse("/tiles/basemap/CGCS2000Quad/3/1/2.jpg").kind()).isEqualTo(Kind.IMAGERY);
        assertThat(TilePath.parse("/tiles/roads/WorldCRS84Quad/10/1/2.mvt"))
                .isEqualTo(new TilePath(Kind.VECTOR, "roads", "WorldCRS84Quad", "mvt", 10, 1, 2));
        // OGC API Tiles orders row before column
        assertThat(TilePath.parse("/ogc/collections/roads/tiles/WebMercatorQuad/8/107/214"))
                .isEqualTo(new TilePath(Kind.VECTOR, "roads", "WebMercatorQuad", "mvt", 8, 214, 107));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/tiles/terrain/layer.json", "/tiles/buildings/tileset.json", "/tiles/buildings/content/3/4/5.glb",
        "/tiles/terrain/1/2/3.png", "/tiles/terrain/1/2/3", "/tiles/terrain/-1/2/3.terrain", "/tiles/terrain/1/+2/3.terrain",
        "/tiles/terrain/1/2/3.terrain/", "/tiles//terrain/1/2/3.terrain", "/tiles/terrain/1/2/3.TERRAIN",
        "/tiles/terrain/123/2/3.terrain", "/tiles/terrain/1/12345678901/3.terrain",
        "/tiles/..%2f..%2fetc/WebMercatorQuad/1/0/0.png", "/tiles/../WebMercatorQuad/1/0/0.png",
        "/tiles/basemap/WebMercatorQuad/1/0/0.png;jsessionid=1", "/tiles/basemap/WebMercatorQuad/1/0/0.gif",
        "/tiles/basemap/WebMercatorQuad/1/0/0.tar.png", "/tiles/basemap/WebMercatorQuad/1/0/x.png",
        "/tiles/基图/WebMercatorQuad/1/0/0.png", "/ogc/collections/roads/tiles/WebMercatorQuad/8/107",
        "/ogc/collections/roads/tiles/WebMercatorQuad/8/107/214/extra", "/ogc/collections/roads/items/WebMercatorQuad/8/107/214",
        "/wmts/1.0.0/basemap/default/WebMercatorQuad/1/0/0.png", "/", ""})
    void leavesEverythingElseToTheDispatcher(String path) {
        assertThat(TilePath.parse(path)).as(path).isNull();
    }
}
