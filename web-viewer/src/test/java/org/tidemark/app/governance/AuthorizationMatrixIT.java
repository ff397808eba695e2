package org.tidemark.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tidemark.app.DemoApplicationTest;
import org.tidemark.core.access.Grant;
import org.tidemark.core.access.GrantStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #9's proof: for each endpoint × principal, exactly the allowed data of {@code police_cameras}
 * comes back — checked on the content (ids and attribute names), not only on status codes. Runs the
 * whole application on the Xiangshan demo data in a temporary directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends DemoApplicationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LAYER = "police_cameras";
    static final Set<String> ALL_FIELDS = Set.of("code", "name", "heading", "fov", "range_m", "height_m", "road", "stream_url");

    @LocalServerPort
    int port;

    @Autowired
    GrantStore grants;

    final HttpClient http = HttpClient.newHttpClient();
    final Map<String, String> tokens = new LinkedHashMap<>();
    Set<String> allIds;
    String road;
    Set<String> roadIds;

    @BeforeAll
    void setUp() throws Exception {
        for (String user : List.of("planner", "water", "police", "ocean", "commander")) tokens.put(user, login(user));
        JsonNode all = json(get("/ogc/collections/" + LAYER + "/items?limit=1000", "police"));
        allIds = ids(all);
        assertThat(allIds).hasSizeGreaterThan(20);
        road = all.get("features").get(0).get("properties").get("road").asString();
        roadIds = new TreeSet<>();
        for (JsonNode f : all.get("features")) if (road.equals(f.get("properties").get("road").asString())) roadIds.add(f.get("id").asString());
        assertThat(roadIds).isNotEmpty().hasSizeLessThan(allIds.size());
        Instant now = Instant.now();
        // water: narrowed to two fields and the cameras on one road
        grants.save(new Grant(null, LAYER, "dept:water", Set.of("code", "name", "road"), "road = '" + road.replace("'", "''") + "'",
                null, false, null, null, "police", now));
        // ocean: an expired grant and a revoked one
        grants.save(new Grant(null, LAYER, "ocean", null, null, null, false, now.minusSeconds(60), null, "police", now.minusSeconds(7200)));
        grants.save(new Grant(null, LAYER, "dept:ocean", null, null, null, false, null, now.minusSeconds(30), "police", now.minusSeconds(7200)));
    }

    // ---- OGC API Features ----

    @Test
    void ogcApiItemsReturnExactlyTheGrantedRowsAndFields() throws Exception {
        JsonNode provider = json(get("/ogc/collections/" + LAYER + "/items?limit=1000", "police"));
        assertThat(ids(provider)).isEqualTo(allIds);
        assertThat(fields(provider)).isEqualTo(ALL_FIELDS);

        JsonNode narrowed = json(get("/ogc/collections/" + LAYER + "/items?limit=1000", "water"));
        assertThat(ids(narrowed)).isEqualTo(roadIds);
        assertThat(fields(narrowed)).isEqualTo(Set.of("code", "name", "road"));
        assertThat(narrowed.get("numberMatched").asLong()).as("hits must not leak the total").isEqualTo(roadIds.size());

        JsonNode emergency = json(get("/ogc/collections/" + LAYER + "/items?limit=1000", "commander"));
        assertThat(ids(emergency)).isEqualTo(allIds);
        assertThat(fields(emergency)).doesNotContain("stream_url", "height_m");

        for (String who : new String[] {null, "planner", "ocean"}) {
            assertThat(get("/ogc/collections/" + LAYER + "/items", who).statusCode()).as(String.valueOf(who)).isEqualTo(404);
        }
    }

    @Test
    void singleItemsOutsideTheGrantAreNotFound() throws Exception {
        String outside = allIds.stream().filter(id -> !roadIds.contains(id)).findFirst().orElseThrow();
        String inside = roadIds.iterator().next();
        assertThat(get("/ogc/collections/" + LAYER + "/items/" + enc(inside), "water").statusCode()).isEqualTo(200);
        assertThat(get("/ogc/collections/" + LAYER + "/items/" + enc(outside), "water").statusCode()).isEqualTo(404);
        assertThat(get("/ogc/collections/" + LAYER + "/items/" + enc(outside), "police").statusCode()).isEqualTo(200);
    }

    @Test
    void filtersCannotWidenTheRowsNorProbeHiddenFields() throws Exception {
        String or = "/ogc/collections/" + LAYER + "/items?limit=1000&filter-lang=cql2-text&filter=" + enc("road <> 'x' OR 1 = 1");
        var widened = get(or, "water");
        if (widened.statusCode() == 200) assertThat(ids(json(widened))).isSubsetOf(roadIds);
        var hidden = get("/ogc/collections/" + LAYER + "/items?filter=" + enc("stream_url IS NOT NULL"), "water");
        assertThat(hidden.statusCode()).isEqualTo(400);
        var sorted = get("/ogc/collections/" + LAYER + "/items?sortby=height_m", "water");
        assertThat(sorted.statusCode()).isEqualTo(400);
        JsonNode queryables = json(get("/ogc/collections/" + LAYER + "/queryables", "water"));
        assertThat(queryables.get("properties").propertyNames()).doesNotContain("stream_url", "height_m", "heading");
    }

    // ---- WFS ----

    @Test
    void wfsGetFeatureAndHitsFollowTheGrant() throws Exception {
        String q = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=tm:" + LAYER + "&OUTPUTFORMAT=" + enc("application/json") + "&COUNT=1000";
        JsonNode narrowed = json(get(q, "water"));
        assertThat(ids(narrowed).stream().map(AuthorizationMatrixIT::localId).toList()).containsExactlyInAnyOrderElementsOf(
                roadIds.stream().map(AuthorizationMatrixIT::localId).toList());
        assertThat(fields(narrowed)).isSubsetOf(Set.of("code", "name", "road"));
        String hits = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=tm:" + LAYER + "&RESULTTYPE=hits", "water").body();
        assertThat(hits).contains("numberMatched=\"" + roadIds.size() + "\"");
        var anonymous = get(q, null);
        assertThat(anonymous.statusCode()).isIn(400, 404);
        assertThat(anonymous.body()).contains("ExceptionReport");
    }

    @Test
    void wfsGetPropertyValueOnAHiddenFieldIsRefused() throws Exception {
        var r = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=tm:" + LAYER + "&VALUEREFERENCE=stream_url", "water");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("ExceptionReport").doesNotContain("rtsp");
        var ok = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=tm:" + LAYER + "&VALUEREFERENCE=stream_url", "police");
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void capabilitiesListOnlyVisibleLayers() throws Exception {
        assertThat(get("/wfs?SERVICE=WFS&REQUEST=GetCapabilities", "police").body()).contains(LAYER);
        assertThat(get("/wfs?SERVICE=WFS&REQUEST=GetCapabilities", "water").body()).contains(LAYER);
        assertThat(get("/wfs?SERVICE=WFS&REQUEST=GetCapabilities", "planner").body()).doesNotContain(LAYER);
        assertThat(get("/wfs?SERVICE=WFS&REQUEST=GetCapabilities", null).body()).doesNotContain(LAYER);
        assertThat(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities", "ocean").body()).doesNotContain(LAYER);
        assertThat(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities", "commander").body()).contains(LAYER);
    }

    // ---- WMS ----

    @Test
    void wmsGetMapRefusesHiddenLayersAndFeatureInfoMasksFields() throws Exception {
        String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=CRS:84&BBOX=121.55,28.85,122.25,29.75&WIDTH=256&HEIGHT=256&FORMAT=image/png";
        var denied = get(map, "planner");
        assertThat(denied.body()).contains("LayerNotDefined");
        var drawn = http.send(request(map, "water").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(drawn.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");

        JsonNode anyCamera = json(get("/ogc/collections/" + LAYER + "/items/" + enc(roadIds.iterator().next()), "water"));
        double lon = anyCamera.get("geometry").get("coordinates").get(0).asDouble();
        double lat = anyCamera.get("geometry").get("coordinates").get(1).asDouble();
        String info = String.format(java.util.Locale.ROOT, "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=%s&QUERY_LAYERS=%s&STYLES=&CRS=CRS:84"
                + "&BBOX=%f,%f,%f,%f&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=application/json&FEATURE_COUNT=10",
                LAYER, LAYER, lon - 0.0005, lat - 0.0005, lon + 0.0005, lat + 0.0005);
        JsonNode water = json(get(info, "water"));
        assertThat(water.get("features").size()).isGreaterThan(0);
        assertThat(fields(water)).isSubsetOf(Set.of("code", "name", "road"));
        JsonNode police = json(get(info, "police"));
        assertThat(fields(police)).contains("stream_url");
    }

    @Test
    void wfsTransactionsWriteOnlyWhereTheGrantAllowsIt() throws Exception {
        String id = roadIds.iterator().next();
        String tx = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:tm=\"http://tidemark.org/xiangshan\">"
                + "<wfs:Update typeName=\"tm:" + LAYER + "\"><wfs:Property><wfs:ValueReference>name</wfs:ValueReference>"
                + "<wfs:Value>%s</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"" + id + "\"/></fes:Filter></wfs:Update>"
                + "</wfs:Transaction>";
        String before = json(get("/ogc/collections/" + LAYER + "/items/" + enc(id), "police")).get("properties").get("name").asString();
        var readOnly = http.send(request("/wfs", "water").header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(tx, "篡改 tampered"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readOnly.statusCode()).as(readOnly.body()).isIn(400, 403);
        assertThat(readOnly.body()).contains("ExceptionReport");
        assertThat(json(get("/ogc/collections/" + LAYER + "/items/" + enc(id), "police")).get("properties").get("name").asString())
                .isEqualTo(before);
        var steward = http.send(request("/wfs", "police").header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(tx, "更名 renamed"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(steward.statusCode()).as(steward.body()).isEqualTo(200);
        assertThat(json(get("/ogc/collections/" + LAYER + "/items/" + enc(id), "police")).get("properties").get("name").asString())
                .isEqualTo("更名 renamed");
        http.send(request("/wfs", "police").header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(tx, before))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void imageryOverlayTilesFollowTheGate() throws Exception {
        String tile = "/tiles/" + LAYER + "/WebMercatorQuad/10/857/417.png";
        assertThat(get(tile, "planner").statusCode()).isEqualTo(404);
        assertThat(get(tile, null).statusCode()).isEqualTo(404);
        assertThat(get(tile, "police").statusCode()).isIn(200, 204);
    }

    @Test
    void tileCachesNeverHandOneScopesTilesToAnother() throws Exception {
        // a camera outside the water bureau's grant: its tile, fetched first by the provider (and so cached),
        // must not reach the narrowed consumer as the provider's bytes
        JsonNode all = json(get("/ogc/collections/" + LAYER + "/items?limit=1000", "police"));
        JsonNode outside = null;
        for (JsonNode f : all.get("features")) if (!roadIds.contains(f.get("id").asString())) { outside = f; break; }
        double lon = outside.get("geometry").get("coordinates").get(0).asDouble();
        double lat = outside.get("geometry").get("coordinates").get(1).asDouble();
        int z = 15;
        int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
        double rad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * (1 << z));
        for (String tile : List.of("/tiles/" + LAYER + "/WebMercatorQuad/" + z + "/" + x + "/" + y + ".png",
                "/ogc/collections/" + LAYER + "/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x)) {
            // the second round is answered from the memory cache by the tile fast path
            for (int round = 1; round <= 2; round++) {
                var provider = http.send(request(tile, "police").build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(provider.statusCode()).as(tile).isEqualTo(200);
                var consumer = http.send(request(tile, "water").build(), HttpResponse.BodyHandlers.ofByteArray());
                if (consumer.statusCode() == 200) {
                    assertThat(consumer.body()).as("narrowed scope gets its own tile: " + tile + ", round " + round)
                            .isNotEqualTo(provider.body());
                } else {
                    assertThat(consumer.statusCode()).as(tile + ", round " + round).isEqualTo(204);
                }
            }
        }
    }

    @Test
    void tilesAnsweredByTheFastPathAreAuditedAndStillGated() throws Exception {
        String tile = "/tiles/" + LAYER + "/WebMercatorQuad/10/857/417.png";
        var provider = http.send(request(tile, "police").build(), HttpResponse.BodyHandlers.ofByteArray()); // fills the cache
        http.send(request(tile, "water").build(), HttpResponse.BodyHandlers.ofByteArray());
        audit.flush();
        long audited = tilesAudited("police");
        long served = fastPath.served();
        for (int i = 0; i < 3; i++) {
            var again = http.send(request(tile, "police").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(again.statusCode()).isEqualTo(provider.statusCode());
            assertThat(again.body()).isEqualTo(provider.body());
            http.send(request(tile, "water").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(get(tile, "planner").statusCode()).as("hidden from the fast path too").isEqualTo(404);
        }
        assertThat(fastPath.served() - served).as("cache hits answered before Spring MVC").isGreaterThanOrEqualTo(6);
        audit.flush();
        assertThat(tilesAudited("police") - audited).as("every fast-path tile is counted in the audit trail").isGreaterThanOrEqualTo(3);
        // tiles are counted as such, not timed one by one among the http.server.requests
        JsonNode counted = json(get("/actuator/metrics/tidemark.tiles.fast.path.served", null));
        assertThat(counted.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(6);
        JsonNode timed = json(get("/actuator/metrics/http.server.requests", null));
        for (JsonNode tag : timed.get("availableTags")) {
            if (tag.get("tag").asString().equals("uri")) assertThat(tag.get("values").toString()).doesNotContain("/tiles/");
        }
    }

    @Autowired
    org.tidemark.app.audit.AuditRecorder audit;

    @Autowired
    org.tidemark.tiles.web.TileFastPath fastPath;

    long tilesAudited(String user) throws Exception {
        String admin = login("admin");
        JsonNode entries = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/audit?user=" + user
                + "&resource=" + LAYER + "&limit=1000")).header("Authorization", "Bearer " + admin).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        long n = 0;
        for (JsonNode e : entries) if ("TILES".equals(e.get("action").asString())) n += e.get("count").asLong();
        return n;
    }

    // ---- tiles, catalog, analysis ----

    @Test
    void vectorTilesOfHiddenLayersAreNotServed() throws Exception {
        String tile = "/ogc/collections/" + LAYER + "/tiles/WebMercatorQuad/8/107/214";
        assertThat(get(tile, "planner").statusCode()).isEqualTo(404);
        assertThat(get(tile, "police").statusCode()).isIn(200, 204);
    }

    @Test
    void catalogShowsAccessStatePerCaller() throws Exception {
        assertThat(json(get("/api/catalog/" + LAYER, "police")).get("properties").get("access").asString()).isEqualTo("own");
        assertThat(json(get("/api/catalog/" + LAYER, "water")).get("properties").get("access").asString()).isEqualTo("granted-partial");
        JsonNode ocean = json(get("/api/catalog/" + LAYER, "ocean"));
        assertThat(ocean.get("properties").get("access").asString()).isEqualTo("none");
        assertThat(ocean.get("geometry").isNull()).as("no extent without access").isTrue();
    }

    @Test
    void sitingReportOmitsLayersTheCallerCannotSee() throws Exception {
        String body = "{\"inputs\":{\"site\":{\"type\":\"Point\",\"coordinates\":[121.87,29.47]},\"radius\":300,\"projectType\":\"school\"}}";
        JsonNode planner = json(post("/ogc/processes/siting-check/execution", body, "planner"));
        assertThat(planner.get("report").get("omittedLayers").toString()).contains(LAYER);
        JsonNode police = json(post("/ogc/processes/siting-check/execution", body, "police"));
        assertThat(police.get("report").get("omittedLayers").toString()).doesNotContain(LAYER);
    }

    @Test
    void forgedKeysExpiredOrRevokedTokensAreRejected() throws Exception {
        var forged = http.send(HttpRequest.newBuilder(URI.create(base() + "/ogc/collections")).header("X-API-Key", "forged").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        var garbage = http.send(HttpRequest.newBuilder(URI.create(base() + "/ogc/collections")).header("Authorization", "Bearer abc.def.ghi").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isEqualTo(401);
        String t = login("water");
        http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/logout")).header("Authorization", "Bearer " + t)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        var replay = http.send(HttpRequest.newBuilder(URI.create(base() + "/ogc/collections")).header("Authorization", "Bearer " + t).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).as("token replay after logout").isEqualTo(401);
        String expired = new org.tidemark.app.security.TokenService(TOKEN_SECRET,
                java.time.Clock.fixed(Instant.now().minusSeconds(7200), java.time.ZoneOffset.UTC), java.time.Duration.ofMinutes(30))
                .issue(new org.tidemark.core.access.Principal("police", "police", Set.of("user", "steward")));
        var expiredCall = http.send(HttpRequest.newBuilder(URI.create(base() + "/ogc/collections/" + LAYER + "/items"))
                .header("Authorization", "Bearer " + expired).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(expiredCall.statusCode()).as("expired token").isEqualTo(401);
        var inQuery = http.send(HttpRequest.newBuilder(URI.create(base() + "/ogc/collections/" + LAYER + "/items?limit=1&token="
                + tokens.get("police"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inQuery.statusCode()).as("token as a query parameter, for clients that cannot set headers").isEqualTo(200);
        var replayInQuery = http.send(HttpRequest.newBuilder(URI.create(base() + "/ogc/collections?token=" + t)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayInQuery.statusCode()).isEqualTo(401);
    }

    @Test
    void everyRequestIsAuditedAndTheChainVerifies() throws Exception {
        get("/ogc/collections/" + LAYER + "/items?limit=1", "water");
        Thread.sleep(2500);
        String admin = login("admin");
        JsonNode entries = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/audit?user=water&limit=50"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(entries.size()).isGreaterThan(0);
        assertThat(entries.toString()).contains(LAYER);
        JsonNode verify = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/audit/verify"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(verify.get("intact").asBoolean()).isTrue();
    }

    @Test
    void onlyTelemetrySystemsAndWaterStewardsPostReadings() throws Exception {
        String body = "[{\"station\":\"NOPE0000\",\"property\":\"Z\",\"time\":\"" + Instant.now() + "\",\"value\":1.0}]";
        assertThat(post("/api/sensors/observations", body, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/sensors/observations", body, "planner").statusCode()).isEqualTo(403);
        var withKey = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/sensors/observations"))
                .header("X-API-Key", "demo-water-telemetry").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).as("authorised, then validated: unknown station").isIn(400, 422);
    }

    // ---- helpers ----

    String base() { return "http://127.0.0.1:" + port; }

    String login(String user) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asString();
    }

    HttpRequest.Builder request(String path, String user) {
        var b = HttpRequest.newBuilder(URI.create(base() + path));
        if (user != null) b.header("Authorization", "Bearer " + tokens.get(user));
        return b;
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request(path, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String user) throws Exception {
        return http.send(request(path, user).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static Set<String> ids(JsonNode collection) {
        Set<String> out = new TreeSet<>();
        for (JsonNode f : collection.get("features")) out.add(f.get("id").asString());
        return out;
    }

    static Set<String> fields(JsonNode collection) {
        Set<String> out = new HashSet<>();
        for (JsonNode f : collection.get("features")) if (f.get("properties") != null) out.addAll(f.get("properties").propertyNames());
        return out;
    }

    static String localId(String id) { return id.contains(".") ? id.substring(id.lastIndexOf('.') + 1) : id; }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
