package org.tidemark.layers.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.Principal;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.TestLayers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OgcApiControllerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
            new OgcApiController(TestLayers.gated(), FeatureServiceSettings.defaults().withPageSizes(2, 3))).build();

    private MockHttpServletResponse call(String uri) throws Exception {
        return call(get(URI.create(uri)));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(b).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertProblem(MockHttpServletResponse r, int status) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asString()).isNotBlank();
    }

    private static List<String> rels(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("links").forEach(l -> out.add(l.get("rel").asString()));
        return out;
    }

    private static List<String> ids(JsonNode fc) {
        List<String> out = new ArrayList<>();
        fc.get("features").forEach(f -> out.add(f.get("id").asString()));
        return out;
    }

    @Test
    void landingPageLinksToServiceDescriptionConformanceAndData() throws Exception {
        MockHttpServletResponse r = call("/ogc");
        assertThat(r.getContentType()).startsWith("application/json");
        assertThat(rels(json(r))).contains("self", "service-desc", "conformance", "data");
        assertThat(call("/ogc?f=html").getContentAsString(StandardCharsets.UTF_8)).contains("<h1>");
        assertProblem(call(get(URI.create("/ogc")).header("Accept", "application/xml")), 406);
    }

    @Test
    void conformanceDeclaresTheImplementedClasses() throws Exception {
        JsonNode c = json(call("/ogc/conformance"));
        List<String> classes = new ArrayList<>();
        c.get("conformsTo").forEach(n -> classes.add(n.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter");
    }

    @Test
    void openApiDocumentListsThePaths() throws Exception {
        MockHttpServletResponse r = call("/ogc/api");
        assertThat(r.getContentType()).startsWith("application/vnd.oai.openapi+json");
        JsonNode api = json(r);
        assertThat(api.get("openapi").asString()).startsWith("3.0");
        assertThat(api.get("paths").has("/collections/{collectionId}/items")).isTrue();
        assertThat(api.at("/components/parameters/collectionId/schema/enum").toString()).contains("roads").doesNotContain("police_cameras");
    }

    @Test
    void collectionsAreTheVisibleLayers() throws Exception {
        JsonNode cs = json(call("/ogc/collections"));
        List<String> names = new ArrayList<>();
        cs.get("collections").forEach(c -> names.add(c.get("id").asString()));
        assertThat(names).containsExactly("place_names", "roads", "reservoirs", "readings");
        JsonNode police = json(call(get(URI.create("/ogc/collections")).requestAttr(Principal.class.getName(), TestLayers.POLICE)));
        assertThat(police.toString()).contains("police_cameras");
        JsonNode roads = json(call("/ogc/collections/roads"));
        assertThat(roads.at("/extent/spatial/bbox/0/0").asDouble()).isEqualTo(121.7);
        assertThat(rels(roads)).contains("items", "self");
        assertThat(roads.get("crs").toString()).contains("http://www.opengis.net/def/crs/EPSG/0/4490");
        assertProblem(call("/ogc/collections/police_cameras"), 404);
        assertProblem(call("/ogc/collections/nothing"), 404);
    }

    @Test
    void itemsArePagedWithNextAndPrevLinks() throws Exception {
        MockHttpServletResponse r = call("/ogc/collections/place_names/items");
        assertThat(r.getContentType()).startsWith("application/geo+json");
        assertThat(r.getHeader("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        JsonNode page1 = json(r);
        assertThat(page1.get("numberMatched").asLong()).isEqualTo(5);
        assertThat(page1.get("numberReturned").asLong()).isEqualTo(2);
        List<String> all = new ArrayList<>(ids(page1));
        String next = null;
        for (JsonNode l : page1.get("links")) if (l.get("rel").asString().equals("next")) next = l.get("href").asString();
        JsonNode page2 = json(call(next.replace("http://localhost", "")));
        all.addAll(ids(page2));
        assertThat(rels(page2)).contains("prev", "next");
        JsonNode last = json(call("/ogc/collections/place_names/items?offset=4"));
        all.addAll(ids(last));
        assertThat(rels(last)).doesNotContain("next");
        assertThat(last.get("numberMatched").asLong()).as("a partial last page knows the total").isEqualTo(5);
        assertThat(json(call("/ogc/collections/place_names/items?offset=9")).get("numberMatched").asLong()).as("past the end").isEqualTo(5);
        assertThat(all).hasSize(5).doesNotHaveDuplicates();
        assertThat(json(call("/ogc/collections/place_names/items?limit=1000")).get("numberReturned").asInt()).as("clamped to max").isEqualTo(3);
    }

    @Test
    void invalidAndUnknownParametersAre400() throws Exception {
        assertProblem(call("/ogc/collections/roads/items?limit=0"), 400);
        assertProblem(call("/ogc/collections/roads/items?limit=abc"), 400);
        assertProblem(call("/ogc/collections/roads/items?offset=-3"), 400);
        assertProblem(call("/ogc/collections/roads/items?bbox=1,2,3"), 400);
        assertProblem(call("/ogc/collections/roads/items?unknown=1"), 400);
        assertProblem(call("/ogc/collections/roads/items?datetime=yesterday"), 400);
        assertProblem(call("/ogc/collections/roads/items?crs=EPSG:9999"), 400);
        assertProblem(call("/ogc/collections/roads?foo=bar"), 400);
        assertProblem(call("/ogc/collections/roads/items?filter-lang=xpath&filter=x"), 400);
    }

    @Test
    void bboxAndBboxCrs() throws Exception {
        assertThat(ids(json(call("/ogc/collections/place_names/items?bbox=121.8,29.4,121.9,29.5")))).containsExactly("p1");
        assertThat(ids(json(call("/ogc/collections/place_names/items?bbox=29.4,121.8,29.5,121.9&bbox-crs="
                + enc("http://www.opengis.net/def/crs/EPSG/0/4326"))))).containsExactly("p1");
    }

    @Test
    void crsParameterReprojectsAndFollowsTheCrsAxisOrder() throws Exception {
        MockHttpServletResponse r = call("/ogc/collections/place_names/items/p1?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326"));
        assertThat(r.getHeader("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/EPSG/0/4326>");
        assertThat(json(r).at("/geometry/coordinates").toString()).isEqualTo("[29.4765,121.8753]");
        JsonNode crs84 = json(call("/ogc/collections/place_names/items/p1"));
        assertThat(crs84.at("/geometry/coordinates").toString()).isEqualTo("[121.8753,29.4765]");
        JsonNode merc = json(call("/ogc/collections/place_names/items/p1?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3857")));
        assertThat(merc.at("/geometry/coordinates/0").asDouble()).isGreaterThan(13_000_000);
    }

    @Test
    void singleItemAndMissingItem() throws Exception {
        JsonNode f = json(call("/ogc/collections/roads/items/r2"));
        assertThat(f.get("id").asString()).isEqualTo("r2");
        assertThat(f.at("/properties/name").asString()).isEqualTo("G228");
        assertThat(rels(f)).contains("self", "collection");
        assertProblem(call("/ogc/collections/roads/items/nope"), 404);
    }

    @Test
    void datetimeFiltersTheTimeAttribute() throws Exception {
        JsonNode fc = json(call("/ogc/collections/readings/items?limit=3&datetime=" + enc("2026-07-02T00:00:00Z/2026-07-03T23:59:59Z")));
        assertThat(ids(fc)).containsExactly("w1", "w2");
        JsonNode open = json(call("/ogc/collections/readings/items?limit=3&datetime=" + enc("../2026-07-01T12:00:00Z")));
        assertThat(ids(open)).containsExactly("w0");
        JsonNode instant = json(call("/ogc/collections/readings/items?datetime=2026-07-04T08:00:00Z"));
        assertThat(ids(instant)).containsExactly("w3");
    }

    @Test
    void propertyParametersSortbyAndProperties() throws Exception {
        assertThat(ids(json(call("/ogc/collections/place_names/items?kind=island")))).containsExactly("p5");
        JsonNode sorted = json(call("/ogc/collections/place_names/items?sortby=-name_en&limit=3"));
        assertThat(ids(sorted)).containsExactly("p5", "p3", "p2");
        JsonNode props = json(call("/ogc/collections/place_names/items?properties=name_en"));
        assertThat(props.at("/features/0/properties").size()).isEqualTo(1);
        assertProblem(call("/ogc/collections/place_names/items?sortby=nope"), 400);
    }

    @Test
    void cql2FiltersInTextAndJson() throws Exception {
        JsonNode text = json(call("/ogc/collections/place_names/items?filter=" + enc("population > 60000")));
        assertThat(ids(text)).containsExactly("p1", "p2");
        JsonNode spatial = json(call("/ogc/collections/place_names/items?filter="
                + enc("S_INTERSECTS(geom, POLYGON((121.8 29.4, 121.9 29.4, 121.9 29.5, 121.8 29.5, 121.8 29.4)))")));
        assertThat(ids(spatial)).containsExactly("p1");
        String cqlJson = "{\"op\":\"=\",\"args\":[{\"property\":\"kind\"},\"island\"]}";
        JsonNode j = json(call("/ogc/collections/place_names/items?filter-lang=cql2-json&filter=" + enc(cqlJson)));
        assertThat(ids(j)).containsExactly("p5");
        assertProblem(call("/ogc/collections/place_names/items?filter=" + enc("nope = 1")), 400);
        assertProblem(call("/ogc/collections/place_names/items?filter=" + enc("population >")), 400);
    }

    @Test
    void accessGateHidesAttributesAndRows() throws Exception {
        JsonNode water = json(call(get(URI.create("/ogc/collections/police_cameras/items")).requestAttr(Principal.class.getName(), TestLayers.WATER)));
        assertThat(ids(water)).containsExactly("c1");
        assertThat(water.at("/features/0/properties").has("code")).isFalse();
        assertProblem(call(get(URI.create("/ogc/collections/police_cameras/items?filter=" + enc("code = 'XS-0002'")))
                .requestAttr(Principal.class.getName(), TestLayers.WATER)), 400);
        assertProblem(call(get(URI.create("/ogc/collections/police_cameras/items?code=XS-0002"))
                .requestAttr(Principal.class.getName(), TestLayers.WATER)), 400);
        JsonNode q = json(call(get(URI.create("/ogc/collections/police_cameras/queryables")).requestAttr(Principal.class.getName(), TestLayers.WATER)));
        assertThat(q.get("properties").has("code")).isFalse();
        assertThat(q.get("properties").has("road")).isTrue();
    }

    @Test
    void queryablesAreAJsonSchema() throws Exception {
        MockHttpServletResponse r = call("/ogc/collections/readings/queryables");
        assertThat(r.getContentType()).startsWith("application/schema+json");
        JsonNode q = json(r);
        assertThat(q.get("$schema").asString()).contains("json-schema.org");
        assertThat(q.at("/properties/observed/format").asString()).isEqualTo("date-time");
        assertThat(q.at("/properties/level/type").asString()).isEqualTo("number");
        assertThat(q.at("/properties/geom/format").asString()).isEqualTo("geometry-point");
    }
}
