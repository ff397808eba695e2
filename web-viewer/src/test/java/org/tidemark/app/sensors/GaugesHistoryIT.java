package org.tidemark.app.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live {@code gauges} layer through the real protocol stack answers time-restricted requests from the stored
 * history: OGC API Features {@code datetime} and a WFS 2.0 FES {@code TEquals} filter on {@code TM} return the
 * reservoir level of that time, while a request without time returns the latest. The readings also reach a
 * WebSocket client of {@code /api/live/ws} through the app's filters.
 */
class GaugesHistoryIT {
    private static final String KEY = IngestLoad.KEY;
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void timeRestrictedRequestsShowTheLevelsOfThatTime() throws Exception {
        Instant t1 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
        Instant t2 = t1.plus(Duration.ofHours(1));
        try (AppProcess app = AppProcess.start(dir.resolve("data"))) {
            String station = StationHistory.stationCodes(http, app.base()).stream().filter(c -> c.startsWith("631"))
                    .findFirst().orElseThrow();   // a reservoir (RZ)
            java.util.concurrent.BlockingQueue<String> live = new java.util.concurrent.LinkedBlockingQueue<>();
            java.net.http.WebSocket ws = http.newWebSocketBuilder().buildAsync(
                    URI.create("ws://127.0.0.1:" + app.port() + "/api/live/ws?types=observation&station=" + station),
                    new java.net.http.WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence d, boolean last) {
                            partial.append(d);
                            if (last) {
                                live.add(partial.toString());
                                partial.setLength(0);
                            }
                            w.request(1);
                            return null;
                        }
                    }).join();
            String body = "[{\"station\":\"" + station + "\",\"property\":\"RZ\",\"time\":\"" + t1 + "\",\"value\":11.2375},"
                    + "{\"station\":\"" + station + "\",\"property\":\"RZ\",\"time\":\"" + t2 + "\",\"value\":12.4625}]";
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/sensors/observations"))
                    .header("Content-Type", "application/json").header("X-API-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            String first = live.poll(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).as("a live observation over WebSocket").isNotNull().contains("\"observation\"").contains(station);
            ws.abort();

            String items = app.base() + "/ogc/collections/gauges/items?f=json&limit=1000";
            assertThat(get(items + "&datetime=" + t1)).contains("\"" + station + "\"").contains("11.2375").doesNotContain("12.4625");
            assertThat(get(items + "&datetime=" + t2)).contains("12.4625").doesNotContain("11.2375");
            assertThat(get(items)).contains("12.4625").doesNotContain("11.2375");   // no time: the latest values
            assertThat(get(items + "&datetime=" + t1.minusSeconds(1))).doesNotContain("\"" + station + "\"");

            String fes = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
                    + "<fes:TEquals><fes:ValueReference>TM</fes:ValueReference><gml:TimeInstant gml:id=\"t1\">"
                    + "<gml:timePosition>" + t1 + "</gml:timePosition></gml:TimeInstant></fes:TEquals></fes:Filter>";
            String wfs = get(app.base() + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gauges"
                    + "&OUTPUTFORMAT=application/json&FILTER=" + URLEncoder.encode(fes, StandardCharsets.UTF_8));
            assertThat(wfs).contains("\"" + station + "\"").contains("11.2375").doesNotContain("12.4625");
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + " → " + r.body()).isEqualTo(200);
        return r.body();
    }
}
