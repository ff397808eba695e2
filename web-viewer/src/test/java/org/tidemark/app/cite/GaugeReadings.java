package org.tidemark.app.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fixed state of the live {@code gauges} layer for a conformance run: one reading per station, posted through the
 * real ingest API with the telemetry gateway's API key, at report times spread over the last ten minutes (stations
 * of a real network report at different moments). The CITE suite samples every feature type once at its start and
 * derives all later expectations from that sample, so the data must not move while it runs — the demo feed stays
 * off — and its {@code Before} test needs some {@code TM} values strictly earlier than others.
 */
final class GaugeReadings {
    static final String TELEMETRY_KEY = "demo-water-telemetry";
    /** Distinct report times: station i (in code order) reported {@code (i % SPREAD) * STEP} before the newest. */
    static final int SPREAD = 12;
    static final Duration STEP = Duration.ofSeconds(45);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;

    GaugeReadings(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Posts the readings and returns how many stations got one. */
    int load() throws IOException, InterruptedException {
        JsonNode stations = get("/api/sensors/stations").get("stations");
        List<JsonNode> sorted = new ArrayList<>();
        stations.values().forEach(sorted::add);
        sorted.sort(Comparator.comparing(s -> s.get("STCD").asString()));
        Instant newest = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> readings = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            JsonNode s = sorted.get(i);
            String property = switch (s.get("kind").asString()) {
                case "river" -> "Z";
                case "reservoir" -> "RZ";
                case "tide" -> "TDZ";
                default -> "DRP";
            };
            JsonNode warning = s.path("thresholds").path("WRZ");
            double value = property.equals("DRP") ? 0.5 : warning.isNumber() ? warning.doubleValue() - 1.0 : 1.0;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("station", s.get("STCD").asString());
            r.put("property", property);
            r.put("time", newest.minus(STEP.multipliedBy(i % SPREAD)).toString());
            r.put("value", value);
            readings.add(r);
        }
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sensors/observations"))
                .header("Content-Type", "application/json").header("X-API-Key", TELEMETRY_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(readings))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(JSON.readTree(posted.body()).get("accepted").asInt()).as(posted.body()).isEqualTo(readings.size());
        return readings.size();
    }

    /**
     * Waits until the gauges layer serves a {@code TM} on every one of {@code stations} features: the ingest API
     * answers once the readings are committed, and the live state catches up just after (in time order).
     *
     * @return the distinct {@code TM} values served (through OGC API Features)
     */
    List<String> awaitServed(int stations, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode items = get("/ogc/collections/gauges/items?limit=1000&f=json");
            List<String> times = new ArrayList<>();
            int withTime = 0;
            for (JsonNode f : items.get("features")) {
                JsonNode tm = f.path("properties").path("TM");
                if (!tm.isString()) continue;
                withTime++;
                if (!times.contains(tm.asString())) times.add(tm.asString());
            }
            if (withTime >= stations || System.nanoTime() > deadline) return times;
            Thread.sleep(250);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
