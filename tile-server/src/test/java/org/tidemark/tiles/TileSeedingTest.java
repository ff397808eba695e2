package org.tidemark.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.tiles.cache.Seeder;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.web.TileFastPath;
import org.tidemark.tiles.web.TileFastPathTestAccess;

/**
 * {@code seed} fills imagery and vector tile caches with exactly the tiles the public then requests: after
 * seeding, those requests are memory hits answered by the fast path. Layers the public may not see are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TileSeedingTest {
    /** Everyone sees the basemap's land; nobody but planning sees roads. */
    static final AccessPolicy POLICY = (p, layer) -> layer.equals("roads") && !"planning".equals(p.department())
            ? AccessDecision.DENY : AccessDecision.READ_ALL;

    @EnableWebMvc
    static class Ports {
        @Bean
        ElevationModel dem() { return Fixtures.dem(); }

        @Bean
        LayerCatalog catalog() { return TileFastPathTestAccess.catalog(); }

        @Bean
        AccessPolicy policy() { return POLICY; }

        @Bean
        TilesSettings settings() { return TilesSettings.defaults(); }
    }

    private AnnotationConfigWebApplicationContext ctx;
    private MockMvc fast;
    private TileFastPath fastPath;

    @BeforeAll
    void start() {
        ctx = new AnnotationConfigWebApplicationContext();
        ctx.setServletContext(new MockServletContext());
        ctx.register(Ports.class, TilesModule.class);
        ctx.refresh();
        fastPath = ctx.getBean(TileFastPath.class);
        fast = MockMvcBuilders.webAppContextSetup(ctx).addFilters(fastPath).build();
    }

    @AfterAll
    void stop() { ctx.close(); }

    private Seeder.Report seed(ByteArrayOutputStream out, String... args) {
        return ctx.getBean(TileSeeding.class).run(new PrintStream(out, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void seededBasemapTilesAreServedFromMemory() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Seeder.Report report = seed(out, "seed", "--tileset", "basemap", "--zoom", "9-11", "--threads", "2");
        // the fixture county (0.2° square) covers 1-2 tiles a side at these levels
        assertThat(report.tiles()).isBetween(3L, 27L);
        assertThat(report.failed()).isZero();
        assertThat(report.found()).isEqualTo(report.tiles());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tiles").contains("ETA").contains("WebMercatorQuad");
        long before = fastPath.served();
        // the county's centre at level 11, WebMercatorQuad
        fast.perform(get("/tiles/basemap/WebMercatorQuad/11/" + TileFastPathTestAccess.col(11, 121.8) + "/"
                + TileFastPathTestAccess.row(11, 29.4) + ".png"));
        assertThat(fastPath.served()).as("a seeded tile is a memory hit").isEqualTo(before + 1);
    }

    @Test
    void seedsVectorTilesInOtherTileMatrixSets() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Seeder.Report report = seed(out, "seed", "--tileset", "land", "--format", "mvt", "--tms", "WorldCRS84Quad",
                "--zoom", "8-10", "--threads", "1");
        assertThat(report.tiles()).isPositive();
        assertThat(report.failed()).isZero();
        assertThat(report.found() + report.empty()).isEqualTo(report.tiles());
        int cached = ctx.getBean(TileCaches.class).memory().size();
        assertThat(cached).isGreaterThanOrEqualTo((int) report.tiles());
    }

    @Test
    void refusesLayersThePublicCannotSee() {
        assertThatThrownBy(() -> seed(new ByteArrayOutputStream(), "seed", "--tileset", "roads", "--format", "mvt", "--zoom", "8-9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("view of the public");
        assertThatThrownBy(() -> seed(new ByteArrayOutputStream(), "seed", "--tileset", "roads", "--zoom", "8-9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("view of the public");
        assertThatThrownBy(() -> seed(new ByteArrayOutputStream(), "seed", "--tileset", "nowhere", "--zoom", "8-9"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seed(new ByteArrayOutputStream(), "seed", "--tileset", "basemap", "--tms", "Nope", "--zoom", "8-9"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
