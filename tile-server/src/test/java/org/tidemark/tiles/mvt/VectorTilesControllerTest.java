package org.tidemark.tiles.mvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.testing.MemoryCatalog;
import org.tidemark.tiles.testing.MemorySource;
import org.tidemark.tiles.web.Gzip;
import org.tidemark.tiles.web.TileErrorAdvice;
import org.tidemark.tiles.web.TileGrids;

class VectorTilesControllerTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private final MemorySource roads = roads();
    /** Police see only class=primary roads and no names; everyone else sees everything. */
    private final AccessPolicy policy = (p, layer) -> "police".equals(p.department())
            ? new AccessDecision(true, Set.of("class"), new Filter.Comparison("class", ComparisonOperator.EQ, "primary", true), null, false)
            : AccessDecision.READ_ALL;
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new VectorTilesController(
                    new MemoryCatalog(Map.of("roads", roads, "land", Fixtures.land(),
                            "buildings", org.tidemark.tiles.buildings.BuildingsTilesetTestAccess.buildings())), policy, new TileCaches(null, 1 << 20), 20, Duration.ofMinutes(1)))
            .setControllerAdvice(new TileErrorAdvice()).build();

    static MemorySource roads() {
        // A wiggly east-west primary road with 2,001 vertices across the county, and a short secondary road.
        Coordinate[] cs = new Coordinate[2001];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(121.70 + i * 0.0001, 29.40 + 0.0005 * Math.sin(i * 0.3));
        Feature primary = new Feature("r1", GF.createLineString(cs), Map.of("name", "沿海大道", "class", "primary"));
        Feature secondary = new Feature("r2", GF.createLineString(new Coordinate[] {new Coordinate(121.75, 29.4002),
                new Coordinate(121.751, 29.4012)}), Map.of("name", "小路", "class", "secondary"));
        return new MemorySource(Fixtures.type("roads", GeometryKind.LINESTRING,
                new Attribute("name", AttributeType.STRING, null, true), new Attribute("class", AttributeType.STRING, null, true)),
                List.of(primary, secondary));
    }

    static long[] xyz(int z, double lon, double lat) {
        double n = 1L << z;
        long x = (long) Math.floor((lon + 180) / 360 * n);
        long y = (long) Math.floor((1 - TileGrids.y(lat) / (Math.PI * 6378137.0)) / 2 * n);
        return new long[] {x, y};
    }

    static MvtDecoder.Layer decode(byte[] body, String layer) {
        return MvtDecoder.decode(body).get(layer);
    }

    private byte[] fetch(String url, Principal p) throws Exception {
        var req = get(url).header("Accept-Encoding", "gzip");
        if (p != null) req = req.requestAttr(Principal.class.getName(), p);
        var r = mvc.perform(req).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.mapbox-vector-tile"))
                .andExpect(header().string("Content-Encoding", "gzip")).andReturn();
        return Gzip.decompress(r.getResponse().getContentAsByteArray());
    }

    @Test
    void ogcAndXyzRoutesServeTheSameClippedTile() throws Exception {
        long[] t = xyz(14, 121.75, 29.4002);
        byte[] ogc = fetch("/ogc/collections/roads/tiles/WebMercatorQuad/14/" + t[1] + "/" + t[0], null);
        byte[] xyz = fetch("/tiles/roads/WebMercatorQuad/14/" + t[0] + "/" + t[1] + ".mvt", null);
        assertThat(ogc).isEqualTo(xyz);
        org.tidemark.tiles.testing.Dump.write("roads-14-" + t[0] + "-" + t[1] + ".mvt", ogc);
        MvtDecoder.Layer layer = decode(ogc, "roads");
        assertThat(layer.extent()).isEqualTo(4096);
        assertThat(layer.version()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        for (MvtDecoder.Feature f : layer.features()) {
            assertThat(f.type()).isEqualTo(2);
            ids.add((String) f.properties().get("id"));
            for (List<int[]> part : f.parts()) {
                for (int[] c : part) {
                    assertThat(c[0]).isBetween(-64 - 1, 4096 + 64 + 1);
                    assertThat(c[1]).isBetween(-64 - 1, 4096 + 64 + 1);
                }
            }
        }
        assertThat(ids).contains("r1", "r2");
    }

    @Test
    void lowZoomsAreSimplified() throws Exception {
        long[] lo = xyz(9, 121.75, 29.40);
        long[] hi = xyz(16, 121.75, 29.40);
        int loPoints = points(decode(fetch("/tiles/roads/WebMercatorQuad/9/" + lo[0] + "/" + lo[1] + ".mvt", null), "roads"));
        MvtDecoder.Layer high = decode(fetch("/tiles/roads/WebMercatorQuad/16/" + hi[0] + "/" + hi[1] + ".mvt", null), "roads");
        // At z16 the tile spans ~600 m (~60 source vertices of the road); at z9 the whole 20 km road is far fewer points.
        assertThat(loPoints).isLessThan(400);
        assertThat(points(high)).isGreaterThan(30);
    }

    private static int points(MvtDecoder.Layer l) {
        return l.features().stream().flatMap(f -> f.parts().stream()).mapToInt(List::size).sum();
    }

    @Test
    void theGateFiltersRowsAndMasksAttributes() throws Exception {
        long[] t = xyz(14, 121.75, 29.4002);
        MvtDecoder.Layer layer = decode(fetch("/tiles/roads/WebMercatorQuad/14/" + t[0] + "/" + t[1] + ".mvt",
                new Principal("wang", "police", Set.of())), "roads");
        assertThat(layer.features()).hasSize(1);
        Map<String, Object> props = layer.features().get(0).properties();
        assertThat(props).containsEntry("class", "primary").doesNotContainKey("name");
    }

    @Test
    void geographicTileMatrixSetsWork() throws Exception {
        // CGCS2000Quad: level 1 = 2x1 tiles, 180° each; at identifier 15 the tile is 180/2^14 degrees.
        double d = 180.0 / (1 << 14);
        long col = (long) Math.floor((121.75 + 180) / d), row = (long) Math.floor((90 - 29.4002) / d);
        assertThat(decode(fetch("/tiles/roads/CGCS2000Quad/15/" + col + "/" + row + ".mvt", null), "roads").features()).isNotEmpty();
    }

    @Test
    void polygonsAreClippedWithCorrectRingOrientation() throws Exception {
        // The land polygon covers the whole z14 tile around the hill and crosses the coast at 121.85°E.
        long[] t = xyz(12, 121.85, 29.4);
        MvtDecoder.Layer land = decode(fetch("/tiles/land/WebMercatorQuad/12/" + t[0] + "/" + t[1] + ".mvt", null), "land");
        assertThat(land.features()).hasSize(1);
        MvtDecoder.Feature f = land.features().get(0);
        assertThat(f.type()).isEqualTo(3);
        assertThat(f.properties()).containsEntry("name", "mainland").containsEntry("id", "land.1");
        assertThat(MvtDecoder.area(f.parts().get(0))).as("exterior ring positive in y-down tile space").isPositive();
        for (int[] c : f.parts().get(0)) assertThat(c[0]).isBetween(-64, 4096 + 64);
        // A courtyard building keeps its hole, wound the other way.
        long[] b = xyz(16, 121.8005, 29.4004);
        org.tidemark.tiles.testing.Dump.write("land-12.mvt", fetch("/tiles/land/WebMercatorQuad/12/" + t[0] + "/" + t[1] + ".mvt", null));
        org.tidemark.tiles.testing.Dump.write("buildings-16.mvt", fetch("/tiles/buildings/WebMercatorQuad/16/" + b[0] + "/" + b[1] + ".mvt", null));
        MvtDecoder.Layer bl = decode(fetch("/tiles/buildings/WebMercatorQuad/16/" + b[0] + "/" + b[1] + ".mvt", null), "buildings");
        MvtDecoder.Feature court = bl.features().stream().filter(x -> "court".equals(x.properties().get("id"))).findFirst().orElseThrow();
        assertThat(court.parts()).hasSize(2);
        assertThat(MvtDecoder.area(court.parts().get(0))).isPositive();
        assertThat(MvtDecoder.area(court.parts().get(1))).isNegative();
        assertThat(court.properties().get("height")).isEqualTo(20.0);
    }

    @Test
    void emptyTilesAre204AndBadRequestsAre4xx() throws Exception {
        mvc.perform(get("/tiles/roads/WebMercatorQuad/14/0/0.mvt")).andExpect(status().isNoContent());
        mvc.perform(get("/tiles/roads/WebMercatorQuad/14/99999/0.mvt")).andExpect(status().isBadRequest());
        mvc.perform(get("/tiles/roads/NoSuchSet/1/0/0.mvt")).andExpect(status().isNotFound());
        mvc.perform(get("/tiles/nolayer/WebMercatorQuad/1/0/0.mvt")).andExpect(status().isNotFound());
        mvc.perform(get("/tiles/roads/WebMercatorQuad/30/0/0.mvt")).andExpect(status().isBadRequest());
        mvc.perform(get("/ogc/collections/..%2froads/tiles/WebMercatorQuad/1/0/0"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isBetween(400, 404));
    }
}
