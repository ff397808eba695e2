package org.tidemark.app.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tidemark.app.DemoApplicationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's storm-surge flood progression through the real application's WMS: the capabilities list its
 * hourly steps as the time Dimension (WMS 1.3.0 Annex C.2 value list) to those who may see it (granted to
 * planning like the flood zones, not public), GetFeatureInfo with TIME answers only that step's polygons,
 * and GetMap draws more inundated land at a later step than at an earlier one.
 */
class FloodProgressionWmsIT extends DemoApplicationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The county, lon/lat (WMS 1.3.0 EPSG:4326 axis order is lat, lon: CRS:84 keeps lon, lat). */
    static final String BBOX = "121.60,29.00,122.10,29.70";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void capabilitiesListTheStepsAndTimeSelectsOneStepInFeatureInfoAndMap() throws Exception {
        String planner = login("planner");
        String guestCaps = get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0", null).body();
        assertThat(guestCaps).as("not public").doesNotContain("<Name>flood_progression</Name>");
        String caps = get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0", planner).body();
        Matcher m = Pattern.compile("<Name>flood_progression</Name>.*?<Dimension[^>]*name=\"time\"[^>]*>([^<]+)</Dimension>", Pattern.DOTALL).matcher(caps);
        assertThat(m.find()).as("time Dimension of flood_progression").isTrue();
        List<String> steps = Arrays.asList(m.group(1).split(","));
        assertThat(steps).hasSize(7).first().isEqualTo("2026-09-14T00:00:00Z");
        assertThat(steps.get(6)).isEqualTo("2026-09-14T06:00:00Z");

        // a point inside one of step 3's polygons
        JsonNode item = JSON.readTree(get("/ogc/collections/flood_progression/items?limit=1&filter-lang=cql2-text&filter="
                + URLEncoder.encode("step = 3", StandardCharsets.UTF_8), planner).body()).get("features").get(0);
        assertThat(item.get("properties").get("step").asInt()).isEqualTo(3);
        JsonNode ring = item.get("geometry").get("coordinates").get(0);
        Coordinate[] cs = new Coordinate[ring.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        Point inside = new GeometryFactory().createPolygon(cs).getInteriorPoint();
        double half = 0.0005;
        String box = String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", inside.getX() - half, inside.getY() - half, inside.getX() + half, inside.getY() + half);
        String info = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=flood_progression&QUERY_LAYERS=flood_progression"
                + "&STYLES=&CRS=CRS:84&BBOX=" + box + "&WIDTH=11&HEIGHT=11&I=5&J=5&INFO_FORMAT=application/json&FEATURE_COUNT=50";
        JsonNode atStep3 = JSON.readTree(get(info + "&TIME=" + steps.get(2), planner).body()).get("features");
        assertThat(atStep3).as("step 3's polygon at its interior point").isNotEmpty();
        for (JsonNode f : atStep3) {
            assertThat(f.get("properties").get("step").asInt()).isEqualTo(3);
            assertThat(f.get("properties").get("step_time").asString()).startsWith("2026-09-14T02:00");
        }
        JsonNode all = JSON.readTree(get(info, planner).body()).get("features");
        assertThat(all.size()).as("without TIME every step that covers the point").isGreaterThan(atStep3.size());
        assertThat(JSON.readTree(get(info + "&TIME=" + steps.get(0), planner).body()).get("features"))
                .allSatisfy(f -> assertThat(f.get("properties").get("step").asInt()).isEqualTo(1));

        String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=flood_progression&STYLES=&CRS=CRS:84&BBOX=" + BBOX
                + "&WIDTH=250&HEIGHT=350&FORMAT=image/png&TRANSPARENT=true";
        long first = opaque(getBytes(map + "&TIME=" + steps.get(0), planner));
        long third = opaque(getBytes(map + "&TIME=" + steps.get(2), planner));
        long last = opaque(getBytes(map + "&TIME=" + steps.get(6), planner));
        assertThat(first).isPositive();
        assertThat(third).as("step 3 draws more than step 1").isGreaterThan(first);
        assertThat(last).as("step 7 draws more than step 3").isGreaterThan(third);
    }

    private static long opaque(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).as("a PNG").isNotNull();
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) >>> 24) > 0) n++;
        return n;
    }

    private String base() { return "http://127.0.0.1:" + port; }

    private String login(String user) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asString();
    }

    private HttpRequest request(String path, String token) {
        var b = HttpRequest.newBuilder(URI.create(base() + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpResponse<String> r = http.send(request(path, token), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return r;
    }

    private byte[] getBytes(String path, String token) throws Exception {
        HttpResponse<byte[]> r = http.send(request(path, token), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        return r.body();
    }
}
