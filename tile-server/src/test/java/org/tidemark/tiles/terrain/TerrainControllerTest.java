package org.tidemark.tiles.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.tiles.cache.CacheChain;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.web.Gzip;
import org.tidemark.tiles.web.TileErrorAdvice;

class TerrainControllerTest {
    private static final String CESIUM_ACCEPT =
            "application/vnd.quantized-mesh;extensions=octvertexnormals-watermask,application/octet-stream;q=0.9,*/*;q=0.01";
    private final Terrain terrain = new Terrain(Fixtures.dem(), Fixtures.land(), 3, 14);
    private final CacheChain chain = new CacheChain(terrain.source(), null, 1 << 20);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TerrainController(terrain, chain, null, Duration.ofMinutes(5)))
            .setControllerAdvice(new TileErrorAdvice()).build();
    private final TileCoord county = QuantizedMeshTileTest.tileAt(12, 121.76, 29.42);
    private final String url = "/tiles/terrain/" + county.z() + "/" + county.x() + "/" + county.y() + ".terrain?v=1.0.0";

    @Test
    void layerJsonListsAvailabilityAndServedExtensions() throws Exception {
        mvc.perform(get("/tiles/terrain/layer.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(jsonPath("$.format").value("quantized-mesh-1.0"))
                .andExpect(jsonPath("$.scheme").value("tms"))
                .andExpect(jsonPath("$.extensions[0]").value("octvertexnormals"))
                .andExpect(jsonPath("$.extensions[1]").value("watermask"))
                .andExpect(jsonPath("$.available.length()").value(15))
                .andExpect(jsonPath("$.available[0][0].endX").value(1))
                .andExpect(jsonPath("$.available[12][0].startX").value(org.hamcrest.Matchers.lessThanOrEqualTo(county.x())))
                .andExpect(jsonPath("$.available[12][0].endX").value(org.hamcrest.Matchers.greaterThanOrEqualTo(county.x())))
                .andExpect(jsonPath("$.available[12][0].startY").value(org.hamcrest.Matchers.lessThanOrEqualTo(county.y())))
                .andExpect(jsonPath("$.available[12][0].endY").value(org.hamcrest.Matchers.greaterThanOrEqualTo(county.y())))
                .andExpect(jsonPath("$.available[12][0].endX").value(org.hamcrest.Matchers.lessThan(county.x() + 10)));
    }

    @Test
    void tileIsGzippedWithContentEncodingAndRequestedExtensions() throws Exception {
        MvcResult r = mvc.perform(get(url).header("Accept", CESIUM_ACCEPT).header("Accept-Encoding", "gzip, deflate"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Encoding", "gzip"))
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(header().exists("ETag"))
                .andReturn();
        assertThat(r.getResponse().getContentType()).startsWith("application/vnd.quantized-mesh");
        QmDecoder d = QmDecoder.decode(Gzip.decompress(r.getResponse().getContentAsByteArray()));
        assertThat(d.extensions).containsOnlyKeys(1, 2);
    }

    @Test
    void withoutGzipSupportTheTileIsSentPlainAndWithoutUnrequestedExtensions() throws Exception {
        MvcResult r = mvc.perform(get(url).header("Accept", "application/vnd.quantized-mesh,application/octet-stream;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Content-Encoding"))
                .andReturn();
        assertThat(QmDecoder.decode(r.getResponse().getContentAsByteArray()).extensions).isEmpty();
    }

    @Test
    void etagRevalidationAnswers304() throws Exception {
        String etag = mvc.perform(get(url).header("Accept", CESIUM_ACCEPT)).andReturn().getResponse().getHeader("ETag");
        mvc.perform(get(url).header("Accept", CESIUM_ACCEPT).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag));
    }

    @Test
    void headAnswersHeadersOnly() throws Exception {
        MvcResult r = mvc.perform(head(url).header("Accept", CESIUM_ACCEPT).header("Accept-Encoding", "gzip"))
                .andExpect(status().isOk()).andExpect(header().exists("ETag")).andReturn();
        assertThat(r.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void badCoordinatesAre400AndMissingTiles404AsProblemJson() throws Exception {
        mvc.perform(get("/tiles/terrain/3/99/0.terrain")).andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        mvc.perform(get("/tiles/terrain/abc/1/0.terrain")).andExpect(status().isBadRequest());
        mvc.perform(get("/tiles/terrain/15/1/0.terrain")).andExpect(status().isBadRequest());
        mvc.perform(get("/tiles/terrain/-1/1/0.terrain")).andExpect(status().isBadRequest());
        // Level 10 far from the county is outside the available ranges.
        mvc.perform(get("/tiles/terrain/10/3/3.terrain")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/tiles/terrain/..%2f..%2fetc/1/0.terrain")).andExpect(r ->
                assertThat(r.getResponse().getStatus()).isBetween(400, 404));
    }

    @Test
    void secondRequestIsServedFromTheCache() throws Exception {
        mvc.perform(get(url).header("Accept", CESIUM_ACCEPT)).andExpect(status().isOk());
        mvc.perform(get(url).header("Accept", CESIUM_ACCEPT)).andExpect(status().isOk());
        assertThat(chain.memory().hits()).isEqualTo(1);
    }
}
