package org.tidemark.tiles.mvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.wdtinc.mapbox_vector_tile.adapt.jts.MvtReader;
import com.wdtinc.mapbox_vector_tile.adapt.jts.TagKeyValueMapConverter;
import com.wdtinc.mapbox_vector_tile.adapt.jts.model.JtsLayer;
import java.io.ByteArrayInputStream;
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
                    new MemoryCatalog(Map.of("roads", roads)), policy, new TileCaches(null, 1 << 20), 20, Duration.ofMinutes(1)))
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

    static JtsLayer decode(byte[] body, String layer) throws Exception {
        return MvtReader.loadMvt(new ByteArrayInputStream(body), GF, new TagKeyValueMapConverter()).getLayer(layer);
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
        JtsLayer layer = decode(ogc, "roads");
        assertThat(layer.getExtent()).isEqualTo(4096);
        List<String> ids = new ArrayList<>();
        for (Geometry g : layer.getGeometries()) {
            ids.add((String) ((Map<?, ?>) g.getUserData()).get("id"));
            for (Coordinate c : g.getCoordinates()) {
                assertThat(c.x).isBetween(-64.0 - 1, 4096.0 + 64 + 1);
                assertThat(c.y).isBetween(-64.0 - 1, 4096.0 + 64 + 1);
            }
        }
        assertThat(ids).contains("r1", "r2");
    }

    @Test
    void lowZoomsAreSimplified() throws Exception {
        long[] lo = xyz(9, 121.75, 29.40);
        long[] hi = xyz(16, 121.75, 29.40);
        int loPoints = decode(fetch("/tiles/roads/WebMercatorQuad/9/" + lo[0] + "/" + lo[1] + ".mvt", null), "roads")
                .getGeometries().stream().mapToInt(Geometry::getNumPoints).sum();
        JtsLayer high = decode(fetch("/tiles/roads/WebMercatorQuad/16/" + hi[0] + "/" + hi[1] + ".mvt", null), "roads");
        // At z16 the tile spans ~600 m (~60 source vertices of the road); at z9 the whole 20 km road is far fewer points.
        assertThat(loPoints).isLessThan(400);
        assertThat(high.getGeometries().stream().mapToInt(Geometry::getNumPoints).sum()).isGreaterThan(30);
    }

    @Test
    void theGateFiltersRowsAndMasksAttributes() throws Exception {
        long[] t = xyz(14, 121.75, 29.4002);
        JtsLayer layer = decode(fetch("/tiles/roads/WebMercatorQuad/14/" + t[0] + "/" + t[1] + ".mvt",
                new Principal("wang", "police", Set.of())), "roads");
        assertThat(layer.getGeometries()).hasSize(1);
        @SuppressWarnings("unchecked") Map<String, Object> props = (Map<String, Object>) layer.getGeometries().iterator().next().getUserData();
        assertThat(props).containsEntry("class", "primary").doesNotContainKey("name");
    }

    @Test
    void geographicTileMatrixSetsWork() throws Exception {
        // CGCS2000Quad: level 1 = 2x1 tiles, 180° each; at identifier 15 the tile is 180/2^14 degrees.
        double d = 180.0 / (1 << 14);
        long col = (long) Math.floor((121.75 + 180) / d), row = (long) Math.floor((90 - 29.4002) / d);
        assertThat(decode(fetch("/tiles/roads/CGCS2000Quad/15/" + col + "/" + row + ".mvt", null), "roads").getGeometries()).isNotEmpty();
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
