package org.tidemark.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.tiles.buildings.BuildingsTilesetTestAccess;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.testing.MemoryCatalog;

/** The module wires from the geo-core ports alone and serves every endpoint family. */
class TilesModuleTest {
    @TempDir
    static Path cache;

    @EnableWebMvc
    static class Ports {
        @org.springframework.context.annotation.Bean
        ElevationModel dem() { return Fixtures.dem(); }

        @org.springframework.context.annotation.Bean
        LayerCatalog catalog() {
            return new MemoryCatalog(Map.of("land", Fixtures.land(), "buildings", BuildingsTilesetTestAccess.buildings()));
        }

        @org.springframework.context.annotation.Bean
        AccessPolicy policy() { return AccessPolicy.OPEN; }

        @org.springframework.context.annotation.Bean
        TilesSettings settings() { return TilesSettings.defaults().withCacheDir(cache); }
    }

    @Test
    void moduleServesAllTileFamiliesAndSeedsTerrain() throws Exception {
        try (AnnotationConfigWebApplicationContext ctx = new AnnotationConfigWebApplicationContext()) {
            ctx.setServletContext(new MockServletContext());
            ctx.register(Ports.class, TilesModule.class);
            ctx.refresh();
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(ctx).build();
            mvc.perform(get("/tiles/terrain/layer.json")).andExpect(status().isOk());
            mvc.perform(get("/tiles/terrain/0/1/0.terrain")).andExpect(status().isOk());
            mvc.perform(get("/tiles/buildings/tileset.json")).andExpect(status().isOk());
            mvc.perform(get("/tiles/land/WebMercatorQuad/10/858/421.mvt")).andExpect(status().is2xxSuccessful());
            mvc.perform(get("/tiles/basemap/WebMercatorQuad/2/3/1.png")).andExpect(status().isOk());
            mvc.perform(get("/wmts?service=WMTS&request=GetCapabilities")).andExpect(status().isOk());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var report = ctx.getBean(TileSeeding.class).run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    "seed", "--tileset", "terrain", "--zoom", "8-11", "--bbox", "121.7,29.3,121.9,29.5", "--threads", "2");
            assertThat(report.tiles()).isPositive();
            assertThat(report.failed()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("tiles").contains("ETA");
        }
    }
}
