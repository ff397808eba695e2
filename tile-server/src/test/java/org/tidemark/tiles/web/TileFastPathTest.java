package org.tidemark.tiles.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.tiles.TilesModule;
import org.tidemark.tiles.TilesSettings;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.testing.MemoryCatalog;
import org.tidemark.tiles.testing.MemorySource;

/**
 * The fast path answers memory-cache hits exactly as the controllers do — status, every header and the
 * body compared against the MVC path on the same cached tile — keeps the caller's scope in the cache key,
 * and leaves misses, bad and hidden tiles to the controllers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TileFastPathTest {
    private static final String CESIUM_ACCEPT =
            "application/vnd.quantized-mesh;extensions=octvertexnormals-watermask,application/octet-stream;q=0.9,*/*;q=0.01";
    private static final GeometryFactory GF = new GeometryFactory();
    /** A road across the county, in the roads layer the police department provides. */
    private static final double ROAD_LAT = 29.40;
    private static final Principal POLICE = new Principal("p1", "police", Set.of("user"));
    private static final Principal WATER = new Principal("w1", "water", Set.of("user"));
    private static final Principal PLANNER = new Principal("u1", "planning", Set.of("user"));

    /** Police see all roads; water sees only class=secondary (none here); planning may not see roads at all. */
    static final AccessPolicy POLICY = (p, layer) -> {
        if (!layer.equals("roads") || "police".equals(p.department())) return AccessDecision.READ_ALL;
        if ("water".equals(p.department())) {
            return new AccessDecision(true, Set.of("class"), new Filter.Comparison("class", ComparisonOperator.EQ, "secondary", true),
                    null, false);
        }
        return AccessDecision.DENY;
    };

    @EnableWebMvc
    static class Ports {
        @Bean
        ElevationModel dem() { return Fixtures.dem(); }

        @Bean
        LayerCatalog catalog() { return new MemoryCatalog(Map.of("land", Fixtures.land(), "roads", roads())); }

        @Bean
        AccessPolicy policy() { return POLICY; }

        @Bean
        TilesSettings settings() { return TilesSettings.defaults(); }
    }

    static MemorySource roads() {
        Coordinate[] cs = new Coordinate[201];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(121.70 + i * 0.001, ROAD_LAT + 0.001 * Math.sin(i * 0.3));
        return new MemorySource(Fixtures.type("roads", GeometryKind.LINESTRING, new Attribute("class", AttributeType.STRING, null, true)),
                List.of(new Feature("r1", GF.createLineString(cs), Map.of("class", "primary"))));
    }

    private AnnotationConfigWebApplicationContext ctx;
    private TileFastPath fastPath;
    private MockMvc mvc;
    private MockMvc fast;
    private final String terrain = "/tiles/terrain/12/" + (long) Math.floor((121.76 + 180) / 360 * 8192) + "/"
            + (long) Math.floor((29.42 + 90) / 180 * 4096) + ".terrain?v=1.0.0";
    private final String roadMvt = "/tiles/roads/WebMercatorQuad/12/" + col(12, 121.75) + "/" + row(12, ROAD_LAT) + ".mvt";
    private final String roadOgc = "/ogc/collections/roads/tiles/WebMercatorQuad/12/" + row(12, ROAD_LAT) + "/" + col(12, 121.75);
    private final String roadPng = "/tiles/roads/WebMercatorQuad/12/" + col(12, 121.75) + "/" + row(12, ROAD_LAT) + ".png";
    private final String basemap = "/tiles/basemap/WebMercatorQuad/12/" + col(12, 121.75) + "/" + row(12, 29.45) + ".png";
    private final String emptyLand = "/tiles/land/WebMercatorQuad/12/0/0.mvt";

    @BeforeAll
    void start() {
        ctx = new AnnotationConfigWebApplicationContext();
        ctx.setServletContext(new MockServletContext());
        ctx.register(Ports.class, TilesModule.class);
        ctx.refresh();
        fastPath = ctx.getBean(TileFastPath.class);
        mvc = MockMvcBuilders.webAppContextSetup(ctx).build();
        fast = MockMvcBuilders.webAppContextSetup(ctx).addFilters(fastPath).build();
    }

    @AfterAll
    void stop() { ctx.close(); }

    static long col(int z, double lon) { return (long) Math.floor((lon + 180) / 360 * (1 << z)); }

    static long row(int z, double lat) {
        return (long) Math.floor((1 - TileGrids.y(lat) / (Math.PI * 6378137.0)) / 2 * (1 << z));
    }

    @Test
    void terrainHitsMatchTheControllerForEveryNegotiation() throws Exception {
        sameAsController(get(terrain).header("Accept", CESIUM_ACCEPT).header("Accept-Encoding", "gzip, deflate, br"), 200);
        sameAsController(get(terrain).header("Accept", CESIUM_ACCEPT), 200); // gzip decoded for this client
        sameAsController(get(terrain).header("Accept", CESIUM_ACCEPT).header("Accept-Encoding", "gzip;q=0"), 200);
        sameAsController(get(terrain).header("Accept", "application/vnd.quantized-mesh"), 200); // another variant
        sameAsController(head(terrain).header("Accept", CESIUM_ACCEPT).header("Accept-Encoding", "gzip"), 200);
    }

    @Test
    void revalidationAnswers304WithTheSameHeaders() throws Exception {
        String etag = mvc.perform(get(terrain).header("Accept", CESIUM_ACCEPT)).andReturn().getResponse().getHeader("ETag");
        assertThat(etag).startsWith("\"");
        sameAsController(get(terrain).header("Accept", CESIUM_ACCEPT).header("If-None-Match", "\"other\", " + etag), 304);
        sameAsController(get(terrain).header("Accept", CESIUM_ACCEPT).header("If-None-Match", "W/" + etag), 304);
        sameAsController(get(terrain).header("Accept", CESIUM_ACCEPT).header("If-None-Match", "\"stale\""), 200);
    }

    @Test
    void imageryAndVectorHitsMatchTheController() throws Exception {
        sameAsController(get(basemap), 200);
        sameAsController(get(roadPng).requestAttr(Principal.class.getName(), POLICE), 200);
        sameAsController(get(roadMvt).requestAttr(Principal.class.getName(), POLICE).header("Accept-Encoding", "gzip"), 200);
        sameAsController(get(roadOgc).requestAttr(Principal.class.getName(), POLICE), 200);
        sameAsController(get(emptyLand), 204);
        sameAsController(head(emptyLand), 204);
    }

    @Test
    void eachScopeIsServedItsOwnCachedTile() throws Exception {
        MockHttpServletResponse provider = hit(get(roadMvt).requestAttr(Principal.class.getName(), POLICE).header("Accept-Encoding", "gzip"));
        assertThat(provider.getStatus()).isEqualTo(200);
        // the provider's tile is cached; the narrowed consumer's view is not, so it must miss and be built for its scope
        long before = fastPath.served();
        MockHttpServletResponse consumer = fast.perform(get(roadMvt).requestAttr(Principal.class.getName(), WATER)
                .header("Accept-Encoding", "gzip")).andReturn().getResponse();
        assertThat(consumer.getStatus()).as("water sees no secondary roads here").isEqualTo(204);
        assertThat(fastPath.served()).isEqualTo(before);
        // now both views are cached: each caller gets its own from the fast path
        assertThat(hit(get(roadMvt).requestAttr(Principal.class.getName(), WATER)).getStatus()).isEqualTo(204);
        MockHttpServletResponse again = hit(get(roadMvt).requestAttr(Principal.class.getName(), POLICE).header("Accept-Encoding", "gzip"));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsByteArray()).isEqualTo(provider.getContentAsByteArray());

        byte[] policePng = hit(get(roadPng).requestAttr(Principal.class.getName(), POLICE)).getContentAsByteArray();
        mvc.perform(get(roadPng).requestAttr(Principal.class.getName(), WATER));
        byte[] waterPng = hit(get(roadPng).requestAttr(Principal.class.getName(), WATER)).getContentAsByteArray();
        assertThat(waterPng).as("the narrowed overlay is drawn for its own scope").isNotEqualTo(policePng);
    }

    @Test
    void hiddenLayersFallThroughToTheGatesNotFound() throws Exception {
        hit(get(roadMvt).requestAttr(Principal.class.getName(), POLICE));
        hit(get(roadPng).requestAttr(Principal.class.getName(), POLICE));
        for (String url : List.of(roadMvt, roadOgc, roadPng)) {
            for (Principal who : new Principal[] {PLANNER, Principal.ANONYMOUS}) {
                MockHttpServletResponse r = passedOn(get(url).requestAttr(Principal.class.getName(), who));
                assertThat(r.getStatus()).as(url + " for " + who.department()).isEqualTo(404);
                assertThat(r.getContentType()).isEqualTo("application/problem+json");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tiles/terrain/17/0/0.terrain", "/tiles/terrain/3/99/0.terrain", "/tiles/terrain/0/1/0.terrain.x",
        "/tiles/nowhere/WebMercatorQuad/1/0/0.png", "/tiles/basemap/NoSuchSet/1/0/0.png", "/tiles/basemap/WebMercatorQuad/1/9/0.png",
        "/tiles/basemap/WebMercatorQuad/40/0/0.png", "/tiles/land/WebMercatorQuad/1/0/5.mvt", "/tiles/bad$name/WebMercatorQuad/1/0/0.mvt",
        "/tiles/..%2f..%2fetc/WebMercatorQuad/1/0/0.png", "/ogc/collections/land/tiles/WebMercatorQuad/1/5/0",
        "/ogc/collections/land/tiles/Nope/1/0/0"})
    void badTilesFallThroughToTheControllersErrors(String url) throws Exception {
        MockHttpServletResponse expected = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(expected.getStatus()).as(url).isIn(400, 404);
        MockHttpServletResponse r = passedOn(get(url));
        assertThat(r.getStatus()).as(url).isEqualTo(expected.getStatus());
        assertThat(r.getContentAsString()).isEqualTo(expected.getContentAsString());
    }

    @Test
    void otherMethodsAndMissesGoToTheDispatcher() throws Exception {
        hit(get(basemap));
        assertThat(passedOn(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(basemap)).getStatus()).isEqualTo(405);
        ctx.getBean(TileCaches.class).layerChanged("land", null);
        MockHttpServletResponse refilled = passedOn(get(basemap));
        assertThat(refilled.getStatus()).as("invalidated tiles are rebuilt by the controller").isEqualTo(200);
        hit(get(basemap));
    }

    /** The request through the fast path, which must answer it, compared with the controller's answer. */
    private void sameAsController(MockHttpServletRequestBuilder request, int status) throws Exception {
        mvc.perform(request); // fills the cache
        MockHttpServletResponse expected = mvc.perform(request).andReturn().getResponse();
        MockHttpServletResponse actual = hit(request);
        assertThat(actual.getStatus()).isEqualTo(expected.getStatus()).isEqualTo(status);
        assertThat(headers(actual)).isEqualTo(headers(expected));
        assertThat(actual.getContentAsByteArray()).isEqualTo(expected.getContentAsByteArray());
    }

    private MockHttpServletResponse hit(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request);
        long before = fastPath.served();
        MockHttpServletResponse r = fast.perform(request).andReturn().getResponse();
        assertThat(fastPath.served()).as("answered by the fast path").isEqualTo(before + 1);
        return r;
    }

    private MockHttpServletResponse passedOn(MockHttpServletRequestBuilder request) throws Exception {
        long before = fastPath.served();
        MockHttpServletResponse r = fast.perform(request).andReturn().getResponse();
        assertThat(fastPath.served()).as("left to the dispatcher").isEqualTo(before);
        return r;
    }

    private static Map<String, List<String>> headers(MockHttpServletResponse r) {
        Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : r.getHeaderNames()) m.put(name, new ArrayList<>(r.getHeaders(name)));
        return m;
    }
}
