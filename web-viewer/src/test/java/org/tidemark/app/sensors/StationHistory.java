package org.tidemark.app.sensors;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the running app has stored, through its public sensor API (as any client would). */
final class StationHistory {
    private static final Pattern CODE = Pattern.compile("\"STCD\":\"(\\d+)\"");

    private StationHistory() {}

    /** The codes of the registered stations, in the API's order. */
    static List<String> stationCodes(HttpClient http, String base) throws Exception {
        String body = get(http, base + "/api/sensors/stations", "application/json");
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(body);
        while (m.find()) if (!out.contains(m.group(1))) out.add(m.group(1));
        return out;
    }

    /** The phenomenon times of a station's {@code VT} readings in {@code [from, to)} (CSV history). */
    static Set<Instant> vtTimes(HttpClient http, String base, String station, Instant from, Instant to) throws Exception {
        String csv = get(http, base + "/api/sensors/stations/" + station + "/observations?property=VT&limit=100000&f=csv"
                + "&from=" + from + "&to=" + to, "text/csv");
        Set<Instant> out = new HashSet<>();
        for (String line : csv.split("\r\n")) {
            if (line.isBlank() || line.startsWith("STCD,")) continue;
            out.add(Instant.parse(line.split(",")[2]));
        }
        return out;
    }

    private static String get(HttpClient http, String url, String accept) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }
}
