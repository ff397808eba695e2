package org.tidemark.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tidemark.app.TidemarkApplication;
import org.tidemark.core.access.Grant;
import org.tidemark.core.access.GrantStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #9's matrix row for the live stream: with the water bureau publishing its {@code gauges} layer
 * behind grants ({@code tidemark.sensors.gauges-public=false}), {@code GET /api/live} (SSE) and the station
 * list send each principal exactly the stations and fields its grant allows — checked on the events that
 * arrive, not on status codes alone. The provider sees everything; a consumer narrowed to tide stations and
 * three fields sees only those; ungranted, expired, revoked, forged and anonymous callers get nothing.
 */
@SpringBootTest(classes = TidemarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveStreamAuthorizationIT {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TELEMETRY_KEY = "demo-water-telemetry";
    static final Set<String> NARROWED_FIELDS = Set.of("STCD", "STNM", "TDZ");
    static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("tidemark-live-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("tidemark.data-dir", DATA::toString);
        r.add("tidemark.demo.feed", () -> "false");
        r.add("tidemark.db.url", () -> "");
        r.add("tidemark.sensors.gauges-public", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    GrantStore grants;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final Map<String, String> tokens = new LinkedHashMap<>();
    final List<SseListener> listeners = new ArrayList<>();
    String tide;
    String reservoir;

    @BeforeAll
    void setUp() throws Exception {
        for (String user : List.of("water", "police", "planner", "ocean")) tokens.put(user, login(user));
        JsonNode stations = json(get("/api/sensors/stations", "water")).get("stations");
        for (JsonNode s : stations) {
            if (tide == null && "TT".equals(s.get("STTP").asString())) tide = s.get("STCD").asString();
            if (reservoir == null && "RR".equals(s.get("STTP").asString())) reservoir = s.get("STCD").asString();
        }
        assertThat(tide).isNotNull();
        assertThat(reservoir).isNotNull();
        Instant now = Instant.now();
        // police: the tide stations only, three fields
        grants.save(new Grant(null, "gauges", "dept:police", NARROWED_FIELDS, "STTP = 'TT'", null, false, null, null, "water", now));
        // ocean: one expired grant and one revoked grant, both for everything
        grants.save(new Grant(null, "gauges", "ocean", null, null, null, false, now.minusSeconds(60), null, "water", now.minusSeconds(7200)));
        grants.save(new Grant(null, "gauges", "dept:ocean", null, null, null, false, null, now.minusSeconds(30), "water", now.minusSeconds(7200)));
    }

    @AfterAll
    void closeStreams() {
        listeners.forEach(SseListener::close);
    }

    @Test
    void liveEventsReachExactlyThePrincipalsAndFieldsTheGrantsAllow() throws Exception {
        SseListener provider = open("water");
        SseListener narrowed = open("police");
        provider.awaitOpen();
        narrowed.awaitOpen();

        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        postReadings("[{\"station\":\"" + tide + "\",\"property\":\"TDZ\",\"time\":\"" + t + "\",\"value\":2.31},"
                + "{\"station\":\"" + reservoir + "\",\"property\":\"RZ\",\"time\":\"" + t + "\",\"value\":12.5}]");

        provider.awaitStations(Set.of(tide, reservoir));
        narrowed.awaitStations(Set.of(tide));
        // the provider's stream has seen the reservoir reading by now; the narrowed stream must not carry it
        assertThat(narrowed.stations()).containsOnly(tide);
        for (JsonNode e : narrowed.observations()) {
            Set<String> gaugeFields = new HashSet<>();
            e.propertyNames().forEach(gaugeFields::add);
            gaugeFields.retainAll(GAUGE_ATTRIBUTES);
            assertThat(gaugeFields).as("gauge attributes in " + e).isSubsetOf(NARROWED_FIELDS);
        }
        assertThat(provider.observations()).anySatisfy(e -> assertThat(e.has("TM")).isTrue());
        assertThat(narrowed.observations()).isNotEmpty().noneSatisfy(e -> assertThat(e.has("TM")).isTrue());
    }

    @Test
    void revokingAGrantEndsStreamsAlreadyOpen() throws Exception {
        Grant grant = grants.save(new Grant(null, "gauges", "dept:emergency", null, null, null, false, null, null, "water", Instant.now()));
        tokens.put("commander", login("commander"));
        SseListener stream = open("commander");
        stream.awaitOpen();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
        postReadings("[{\"station\":\"" + tide + "\",\"property\":\"TDZ\",\"time\":\"" + t + "\",\"value\":2.35}]");
        stream.awaitStations(Set.of(tide));

        var revoked = http.send(request("/api/grants/" + grant.id() + "/revoke", "water").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        // the next event after the view is asked again ends the stream instead of reaching the commander
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int n = 0;
        while (!stream.ended && System.nanoTime() < deadline) {
            postReadings("[{\"station\":\"" + reservoir + "\",\"property\":\"RZ\",\"time\":\"" + t.plusSeconds(++n) + "\",\"value\":12.6}]");
            Thread.sleep(500);
        }
        assertThat(stream.ended).as("stream ended after revocation").isTrue();
        assertThat(stream.stations()).doesNotContain(reservoir);
        assertThat(get("/api/live", "commander").statusCode()).isEqualTo(404);
    }

    @Test
    void loggingOutEndsStreamsOpenedWithThatToken() throws Exception {
        tokens.put("water-session", login("water"));
        SseListener stream = open("water-session");
        stream.awaitOpen();
        var out = http.send(request("/api/auth/logout", "water-session").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).as(out.body()).isBetween(200, 299);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int n = 0;
        while (!stream.ended && System.nanoTime() < deadline) {
            postReadings("[{\"station\":\"" + tide + "\",\"property\":\"TDZ\",\"time\":\"" + t.plusMillis(++n) + "\",\"value\":2.2}]");
            Thread.sleep(500);
        }
        assertThat(stream.ended).as("stream ended after logout").isTrue();
        assertThat(get("/api/live", "water-session").statusCode()).isEqualTo(401);
        SseListener other = open("water");   // the same user's other session goes on
        other.awaitOpen();
        assertThat(other.ended).isFalse();
    }

    @Test
    void callersWithoutAnActiveGrantGetNoStream() throws Exception {
        for (String who : new String[] {null, "planner", "ocean"}) {
            var r = http.send(request("/api/live", who).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(String.valueOf(who)).isEqualTo(404);
            assertThat(r.body()).doesNotContain(tide);
        }
        var forged = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/live")).header("X-API-Key", "forged")
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        var garbageToken = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/live?access_token=abc.def.ghi"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(garbageToken.statusCode()).isEqualTo(401);
    }

    @Test
    void theStationListFollowsTheSameGrants() throws Exception {
        JsonNode provider = json(get("/api/sensors/stations", "water")).get("stations");
        JsonNode narrowed = json(get("/api/sensors/stations", "police")).get("stations");
        assertThat(provider.size()).isGreaterThan(narrowed.size());
        assertThat(narrowed.size()).isPositive();
        for (JsonNode s : narrowed) {
            assertThat(s.get("STCD").asString()).isNotEqualTo(reservoir);
            assertThat(s.has("STNM_EN")).as("a field outside the grant").isFalse();
        }
        for (String who : new String[] {null, "planner", "ocean"}) {
            var r = get("/api/sensors/stations", who);
            if (r.statusCode() == 200) assertThat(JSON.readTree(r.body()).get("stations").size()).as(String.valueOf(who)).isZero();
            else assertThat(r.statusCode()).as(String.valueOf(who)).isIn(401, 403, 404);
        }
    }

    @Test
    void theLayerIsListedOnlyForThoseWhoMaySeeIt() throws Exception {
        assertThat(get("/ogc/collections/gauges", "water").statusCode()).isEqualTo(200);
        assertThat(get("/ogc/collections/gauges", "police").statusCode()).isEqualTo(200);
        assertThat(get("/ogc/collections/gauges", "planner").statusCode()).isEqualTo(404);
        assertThat(get("/ogc/collections/gauges", null).statusCode()).isEqualTo(404);
        JsonNode items = json(get("/ogc/collections/gauges/items?limit=1000", "police"));
        for (JsonNode f : items.get("features")) assertThat(f.get("properties").get("STCD").asString()).isNotEqualTo(reservoir);
    }

    static final Set<String> GAUGE_ATTRIBUTES = Set.of("STCD", "STNM", "STNM_EN", "STTP", "Z", "RZ", "TDZ", "DRP", "DRP_1H",
            "DRP_3H", "DRP_24H", "TM", "WPTN", "status", "WRZ", "GRZ", "FSLTDZ", "DTMNM");

    // ---- helpers ----

    /** One SSE connection read on its own thread; keeps the parsed {@code data:} lines of observation events. */
    final class SseListener {
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        volatile boolean opened;
        volatile boolean ended;
        volatile Thread reader;
        volatile Stream<String> lines;

        SseListener(String user) {
            reader = Thread.ofVirtual().start(() -> {
                try {
                    var r = http.send(request("/api/live?types=observation", user).build(), HttpResponse.BodyHandlers.ofLines());
                    assertThat(r.statusCode()).isEqualTo(200);
                    lines = r.body();
                    String[] event = {null};
                    lines.forEach(line -> {
                        opened = true;
                        if (line.startsWith("event:")) event[0] = line.substring(6).trim();
                        else if (line.startsWith("data:") && "observation".equals(event[0])) events.add(JSON.readTree(line.substring(5).trim()));
                        else if (line.isEmpty()) event[0] = null;
                    });
                } catch (IOException | InterruptedException | RuntimeException e) {
                    // closed by the test
                } finally {
                    ended = true;
                }
            });
        }

        void awaitOpen() throws InterruptedException {
            await(() -> opened, "stream opened");
        }

        Set<String> stations() {
            Set<String> out = new HashSet<>();
            for (JsonNode e : events) if (e.get("STCD") != null) out.add(e.get("STCD").asString());
            return out;
        }

        List<JsonNode> observations() { return List.copyOf(events); }

        void awaitStations(Set<String> wanted) throws InterruptedException {
            await(() -> stations().containsAll(wanted), "events of " + wanted + " (have " + stations() + ")");
        }

        void close() {
            Stream<String> l = lines;
            if (l != null) l.close();
            reader.interrupt();
        }
    }

    SseListener open(String user) {
        SseListener l = new SseListener(user);
        listeners.add(l);
        return l;
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    void postReadings(String body) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/sensors/observations")).header("X-API-Key", TELEMETRY_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }

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

    static JsonNode json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
