package org.tidemark.sensors.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.sensor.InMemoryObservationStore;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.sensors.SensorSettings;
import org.tidemark.sensors.SensorsModule;
import org.tidemark.sensors.TestStations;
import org.tidemark.sensors.live.LiveGaugesLayer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sensor HTTP API on a real embedded server: ingest, station list, history, alerts, problem
 * details, backpressure, and the SSE stream with resume and the access gate.
 */
@SpringBootTest(classes = SensorApiTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SensorApiTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SensorsModule.class)
    static class App {
        /**
         * A fixed, small socket send buffer: the kernel's autotuned one can absorb megabytes of a client that
         * stopped reading, so whether its queue overflows would depend on the machine (LiveWebSocketTest).
         */
        @Bean
        org.springframework.boot.tomcat.TomcatConnectorCustomizer smallSendBuffer() {
            return connector -> connector.setProperty("socket.txBufSize", "8192");
        }

        @Bean
        InMemoryObservationStore store() { return new InMemoryObservationStore(); }

        @Bean
        LayerCatalog catalog() { return TestStations.catalog(); }

        @Bean
        SensorSettings settings() {
            return SensorSettings.defaults().withMaxBodyBytes(4096).withLive(50, 1000, 20, Duration.ofMillis(300));
        }

        /** "river-only" sees only the river station; "no-tide-values" does not see TDZ; "outsider" nothing. */
        @Bean
        AccessPolicy policy() {
            return (p, layer) -> switch (p.id()) {
                case "river-only" -> new AccessDecision(true, null, new org.tidemark.core.filter.Filter.Comparison(
                        "STCD", ComparisonOperator.EQ, TestStations.RIVER, true), null, false);
                case "outsider" -> AccessDecision.DENY;
                default -> AccessDecision.READ_ALL;
            };
        }

        /** Stands in for the app's security filter. */
        @Bean
        Filter testPrincipal() {
            return (req, res, chain) -> {
                String id = ((jakarta.servlet.http.HttpServletRequest) req).getHeader("X-Test-Principal");
                if (id != null) req.setAttribute(Principal.class.getName(), new Principal(id, "water", Set.of()));
                chain.doFilter(req, res);
            };
        }
    }

    @LocalServerPort int port;
    @Autowired InMemoryObservationStore store;
    @Autowired LiveGaugesLayer gauges;
    private final HttpClient http = HttpClient.newHttpClient();

    private URI uri(String path) { return URI.create("http://127.0.0.1:" + port + path); }

    private HttpResponse<String> post(String path, String body, String principal) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (principal != null) b.header("X-Test-Principal", principal);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String principal) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (principal != null) b.header("X-Test-Principal", principal);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String now(int minutesAgo) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(minutesAgo)).toString();
    }

    private static String reading(String station, String property, String time, double value) {
        return "{\"station\":\"" + station + "\",\"property\":\"" + property + "\",\"time\":\"" + time + "\",\"value\":" + value + "}";
    }

    @Test
    void ingestIsIdempotentAndVisibleInStationsHistoryAndTheGaugesLayer() throws Exception {
        String t1 = now(20), t2 = now(10);
        String body = "[" + reading(TestStations.RESERVOIR, "RZ", t1, 28.1) + "," + reading(TestStations.RESERVOIR, "RZ", t2, 28.4) + "]";
        HttpResponse<String> r = post("/api/sensors/observations", body, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("accepted").asInt()).isEqualTo(2);
        HttpResponse<String> again = post("/api/sensors/observations", body, null);
        assertThat(JSON.readTree(again.body()).get("duplicates").asInt()).isEqualTo(2);

        JsonNode stations = JSON.readTree(get("/api/sensors/stations", null).body()).get("stations");
        JsonNode res = null;
        for (JsonNode s : stations.values()) if (s.get("STCD").asString().equals(TestStations.RESERVOIR)) res = s;
        assertThat(res).isNotNull();
        assertThat(res.get("latest").get("RZ").get("value").asDouble()).isEqualTo(28.4);
        assertThat(res.get("thresholds").get("FSLTDZ").asDouble()).isEqualTo(29.5);
        assertThat(res.get("status").asString()).isEqualTo("normal");
        assertThat(res.get("stale").asBoolean()).isFalse();

        JsonNode hist = JSON.readTree(get("/api/sensors/stations/" + TestStations.RESERVOIR + "/observations?property=RZ&from="
                + now(60) + "&to=" + now(0), null).body());
        assertThat(hist.get("numberReturned").asInt()).isEqualTo(2);
        HttpResponse<String> csv = get("/api/sensors/stations/" + TestStations.RESERVOIR + "/observations?f=csv&from=" + now(60), null);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(3).first().isEqualTo("STCD,property,TM,value,unit,quality");
        HttpResponse<String> hourly = get("/api/sensors/stations/" + TestStations.RESERVOIR + "/observations?interval=PT1H&from=" + now(60), null);
        assertThat(JSON.readTree(hourly.body()).get("numberReturned").asInt()).isBetween(1, 2);

        var f = gauges.query(org.tidemark.core.query.FeatureQuery.all("gauges").withFilter(
                new org.tidemark.core.filter.Filter.Comparison("STCD", ComparisonOperator.EQ, TestStations.RESERVOIR, true)));
        assertThat(f.next().get("RZ")).isEqualTo(28.4);
        f.close();
    }

    @Test
    void invalidReadingsAreRefusedAsProblemDetailsAndNothingIsStored() throws Exception {
        String t5 = now(5);
        String body = "[" + reading(TestStations.RIVER, "Z", t5, 2.0) + "," + reading(TestStations.RIVER, "Z", now(4), 999) + "]";
        HttpResponse<String> r = post("/api/sensors/observations", body, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("index").asInt()).isEqualTo(1);
        assertThat(p.get("errors").get(0).get("reason").asString()).isEqualTo("OUT_OF_RANGE");
        Instant first = Instant.parse(t5);
        assertThat(store.history(TestStations.RIVER, "Z", first, first.plusSeconds(61), 10)).isEmpty();

        HttpResponse<String> unknown = post("/api/sensors/observations", "[" + reading("00000000", "Z", now(5), 2.0) + "]", null);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(post("/api/sensors/observations", "{not json", null).statusCode()).isEqualTo(400);
        HttpResponse<String> big = post("/api/sensors/observations", "[" + " ".repeat(5000) + "]", null);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).doesNotContain("Exception").doesNotContain("at org.");
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(uri("/api/sensors/observations"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(400);
        JsonNode stats = JSON.readTree(get("/api/sensors/ingest/stats", null).body());
        assertThat(stats.get("rejects").get("http").get("OUT_OF_RANGE").asLong()).isPositive();
        assertThat(get("/api/sensors/stations/nope", null).statusCode()).isEqualTo(404);
        assertThat(post("/api/sensors/alerts/abc/acknowledge", "", "x").statusCode()).isEqualTo(400);
        assertThat(get("/api/sensors/stations/" + TestStations.RIVER + "/observations?interval=PT1S", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/sensors/stations/" + TestStations.RIVER + "/observations?property=FOO", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/sensors/stations/" + TestStations.RIVER + "/observations?from=yesterday", null).statusCode()).isEqualTo(400);
    }

    @Test
    void storeOutageAnswers503WithRetryAfterThenRecovers() throws Exception {
        store.setAvailable(false);
        try {
            HttpResponse<String> r = post("/api/sensors/observations", "[" + reading(TestStations.TIDE, "TDZ", now(3), 1.0) + "]", null);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        } finally {
            store.setAvailable(true);
        }
        // the pipeline probes the store and resumes by itself; the client retries as Retry-After tells it
        long end = System.nanoTime() + 30_000_000_000L;
        HttpResponse<String> ok;
        do {
            ok = post("/api/sensors/observations", "[" + reading(TestStations.TIDE, "TDZ", now(3), 1.0) + "]", null);
            if (ok.statusCode() == 503) Thread.sleep(100);
        } while (ok.statusCode() == 503 && System.nanoTime() < end);
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void liveStreamPushesCommittedEventsResumesAndAppliesTheAccessGate() throws Exception {
        try (SseClient all = SseClient.whenFree(http, uri("/api/live"), null, null);
             SseClient riverOnly = SseClient.whenFree(http, uri("/api/live?types=observation"), null, "river-only")) {
            assertThat(all.response.statusCode()).isEqualTo(200);
            assertThat(all.comments.poll(5, TimeUnit.SECONDS)).isNotNull();   // sent at subscribe time
            post("/api/sensors/observations", "[" + reading(TestStations.TIDE, "TDZ", now(2), 3.5) + "]", null);
            post("/api/sensors/observations", "[" + reading(TestStations.RIVER, "Z", now(2), 3.0) + "]", null);
            SseClient.Event obs = all.next("observation");
            assertThat(JSON.readTree(obs.data()).get("STCD").asString()).isEqualTo(TestStations.TIDE);
            SseClient.Event alert = all.next("alert");
            assertThat(JSON.readTree(alert.data()).get("status").asString()).isEqualTo("warning");
            SseClient.Event seen = riverOnly.next();
            assertThat(seen.name()).isEqualTo("observation");
            assertThat(JSON.readTree(seen.data()).get("STCD").asString()).isEqualTo(TestStations.RIVER);

            // resume after the tide observation: the missed events come again, in order, without gaps
            try (SseClient resumed = SseClient.whenFree(http, uri("/api/live"), obs.id(), null)) {
                SseClient.Event first = resumed.next();
                assertThat(Long.parseLong(first.id())).isEqualTo(Long.parseLong(obs.id()) + 1);
            }
            assertThat(all.comments.poll(2, TimeUnit.SECONDS)).isEqualTo("heartbeat");
        }
        assertThat(get("/api/live", "outsider").statusCode()).isEqualTo(404);
        assertThat(get("/api/live?layer=buildings", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/live?bbox=1,2,3", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/live?types=everything", null).statusCode()).isEqualTo(400);
    }

    @Test
    void liveConnectionsAreBounded() throws Exception {
        java.util.List<SseClient> open = new java.util.ArrayList<>();
        try {
            HttpResponse<String> refused = null;
            for (int i = 0; i < 25 && refused == null; i++) {
                SseClient c = new SseClient(http, uri("/api/live?types=alert"), null, null);
                if (c.response.statusCode() == 200) {
                    open.add(c);
                } else {
                    c.close();
                    refused = get("/api/live", null);
                }
            }
            assertThat(open).hasSizeLessThanOrEqualTo(20);
            assertThat(refused).isNotNull();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void alertsAreListedAndAcknowledgedByAnAuthenticatedCaller() throws Exception {
        post("/api/sensors/observations", "[" + reading(TestStations.FAR, "Z", now(2), 4.5) + "]", null);
        // the threshold engine runs after the commit, asynchronously: wait for the alert to be logged
        JsonNode danger = null;
        for (long until = System.nanoTime() + 10_000_000_000L; danger == null && System.nanoTime() < until; Thread.sleep(50)) {
            JsonNode alerts = JSON.readTree(get("/api/sensors/alerts", null).body()).get("alerts");
            for (JsonNode a : alerts.values()) if (a.get("STCD").asString().equals(TestStations.FAR)) danger = a;
        }
        assertThat(danger).isNotNull();
        assertThat(danger.get("status").asString()).isEqualTo("danger");
        long id = danger.get("id").asLong();
        assertThat(post("/api/sensors/alerts/" + id + "/acknowledge", "", null).statusCode()).isEqualTo(401);
        HttpResponse<String> ack = post("/api/sensors/alerts/" + id + "/acknowledge", "", "duty-officer");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ack.body()).get("acknowledgedBy").asString()).isEqualTo("duty-officer");
        JsonNode restricted = JSON.readTree(get("/api/sensors/alerts", "river-only").body());
        for (JsonNode a : restricted.get("alerts").values()) assertThat(a.get("STCD").asString()).isEqualTo(TestStations.RIVER);
        assertThat(get("/api/sensors/stations", "outsider").statusCode()).isEqualTo(404);
        JsonNode visible = JSON.readTree(get("/api/sensors/stations", "river-only").body());
        assertThat(visible.get("numberReturned").asInt()).isEqualTo(1);
    }
}
