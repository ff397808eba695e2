package org.tidemark.tiles.buildings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.testing.MemorySource;
import org.tidemark.tiles.web.TileErrorAdvice;
import tools.jackson.databind.json.JsonMapper;

class BuildingsControllerTest {
    private final MemorySource source = BuildingsTilesetTest.buildings();
    private final Buildings buildings = new Buildings(source, Fixtures.dem(), 4, 40);
    private final TileCaches caches = new TileCaches(null, 1 << 20);
    /** Planning staff see everything; everyone else sees nothing. */
    private final AccessPolicy policy = (p, layer) -> "planning".equals(p.department()) ? AccessDecision.READ_ALL : AccessDecision.DENY;
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BuildingsController(buildings,
                    caches.register("buildings", buildings.source(), Set.of("buildings"), null), policy, caches, Duration.ofMinutes(1)))
            .setControllerAdvice(new TileErrorAdvice()).build();
    private final Principal planner = new Principal("li", "planning", Set.of());

    @Test
    void hiddenLayerIs404() throws Exception {
        mvc.perform(get("/tiles/buildings/tileset.json")).andExpect(status().isNotFound());
    }

    @Test
    void tilesetAndContentAreServedWithVersionQueryIgnored() throws Exception {
        String json = mvc.perform(get("/tiles/buildings/tileset.json?v=3").requestAttr(Principal.class.getName(), planner))
                .andExpect(status().isOk()).andExpect(header().exists("ETag"))
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(jsonPath("$.asset.version").value("1.1"))
                .andReturn().getResponse().getContentAsString();
        var root = JsonMapper.builder().build().readTree(json).get("root");
        while (root.has("children")) root = root.get("children").get(0);
        String uri = root.get("content").get("uri").asString();
        byte[] glb = mvc.perform(get("/tiles/buildings/" + uri + "?v=3").requestAttr(Principal.class.getName(), planner))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "model/gltf-binary"))
                .andExpect(header().doesNotExist("Content-Encoding"))
                .andReturn().getResponse().getContentAsByteArray();
        mvc.perform(get("/tiles/buildings/" + uri).header("Accept-Encoding", "gzip").requestAttr(Principal.class.getName(), planner))
                .andExpect(status().isOk()).andExpect(header().string("Content-Encoding", "gzip"));
        assertThat(GlbReader.read(glb).json.get("asset").get("version").asString()).isEqualTo("2.0");
    }

    @Test
    void badAddressesAre400Or404() throws Exception {
        mvc.perform(get("/tiles/buildings/content/2/9/0.glb").requestAttr(Principal.class.getName(), planner))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/tiles/buildings/content/0/0/0.glb").requestAttr(Principal.class.getName(), planner))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tiles/buildings/content/x/0/0.glb").requestAttr(Principal.class.getName(), planner))
                .andExpect(status().isBadRequest());
    }
}
