package org.tidemark.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues #4 and #5 proof: real, unmodified clients read the public layers of the running application —
 * GDAL/OGR (WFS, OAPIF and WMS drivers) and OWSLib (WebMapService 1.3.0/1.1.1, WebFeatureService 2.0.0/1.1.0,
 * OGC API Features). The application ({@link RunningApp}) starts once for all interop classes, on the demo data in a temporary
 * directory; the class is skipped when none of the clients is installed (Debian {@code gdal-bin},
 * {@code python3-owslib}), and fails instead when {@code TIDEMARK_REQUIRE_INTEGRATION=true}.
 *
 * <p>Axis order (WFS 2.0 §7.9.2.4.4 defers to the CRS definition; WMS 1.3.0 §6.7.3.3): {@code EPSG:4326} in the
 * URN/HTTP-URI spelling is latitude first, the short {@code EPSG:4326} spelling of WFS 1.1 is longitude first.
 */
@EnabledIf(value = "org.tidemark.app.interop.ExternalTools#anyPresent", disabledReason = "neither gdal-bin nor python3-owslib installed")
class RealClientInteropIT extends RunningApp {

    /** The layers anyone may read (issue #9 grants): every client must list all of them. */
    static final Set<String> PUBLIC_LAYERS = Set.of("land", "roads", "place_names", "streams", "gauges", "buildings");
    /** The demo county (Xiangshan) with a margin: lon 121.5–122.3, lat 28.8–29.8. */
    static final double MIN_LON = 121.5, MAX_LON = 122.3, MIN_LAT = 28.8, MAX_LAT = 29.8;
    /** A box that cuts through the place names, to check that bbox axis order is understood both ways. */
    static final double[] CUT = {121.6, 29.2, 121.9, 29.5};

    static final JsonMapper JSON = JsonMapper.builder().build();

    final HttpClient http = HttpClient.newHttpClient();
    Path work;
    Path script;

    @BeforeAll
    void setUp() throws IOException {
        work = Files.createTempDirectory("tidemark-clients");
        script = work.resolve("owslib_client.py");
        Files.writeString(script, OwslibScript.SOURCE, StandardCharsets.UTF_8);
    }

    @AfterAll
    void tearDown() throws IOException {
        FileSystemUtils.deleteRecursively(work);
    }

    // ---- GDAL/OGR ----

    @Test
    void ogrinfoOnTheWfsListsEveryPublicLayer() {
        ExternalTools.assumeGdal();
        String out = gdal("ogrinfo", "-ro", "-so", "WFS:" + base() + "/wfs");
        for (String layer : PUBLIC_LAYERS) assertThat(out).as(out).containsPattern("\\d+: tm:" + layer + " ");
    }

    @Test
    void ogr2ogrCopiesEveryRoadFromTheWfsWithLongitudesFirst() throws Exception {
        ExternalTools.assumeGdal();
        long expected = ogcApi("/ogc/collections/roads/items?limit=1").get("numberMatched").asLong();
        assertThat(expected).isPositive();
        Path out = work.resolve("roads.geojson");
        gdal("ogr2ogr", "-f", "GeoJSON", out.toString(), "WFS:" + base() + "/wfs", "tm:roads");
        JsonNode copy = JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(copy.get("features").size()).isEqualTo(expected);
        List<double[]> positions = new ArrayList<>();
        for (JsonNode f : copy.get("features")) positions(f.get("geometry").get("coordinates"), positions);
        assertThat(positions).hasSizeGreaterThan((int) expected);
        for (double[] p : positions) assertInCounty(p[0], p[1]);
    }

    @Test
    void ogrinfoOnTheOgcApiListsTheCollectionsWithTheirCounts() throws Exception {
        ExternalTools.assumeGdal();
        String out = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + base() + "/ogc");
        for (String layer : PUBLIC_LAYERS) assertThat(out).as(out).containsPattern("\\d+: " + layer + " ");
        long expected = ogcApi("/ogc/collections/roads/items?limit=1").get("numberMatched").asLong();
        String roads = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + base() + "/ogc", "roads");
        assertThat(roads).as(roads).contains("Feature Count: " + expected);
    }

    @Test
    void gdalWmsDriverRendersAMapWithContent() throws Exception {
        ExternalTools.assumeGdal();
        Path png = work.resolve("gdal-wms.png");
        String source = String.format(Locale.ROOT, "WMS:%s/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=land,roads&STYLES=&CRS=CRS:84"
                + "&BBOX=%s,%s,%s,%s&FORMAT=image/png", base(), MIN_LON, MIN_LAT, MAX_LON, MAX_LAT);
        gdal("gdal_translate", "-of", "PNG", "-outsize", "256", "256", source, png.toString());
        assertDrawn(png);
    }

    // ---- OWSLib ----

    @Test
    void owslibWebMapService130ListsLayersDrawsAndAnswersFeatureInfo() throws Exception {
        ExternalTools.assumeOwslib();
        owslibWms("1.3.0");
    }

    @Test
    void owslibWebMapService111ListsLayersDrawsAndAnswersFeatureInfo() throws Exception {
        ExternalTools.assumeOwslib();
        owslibWms("1.1.1");
    }

    @Test
    void owslibWebFeatureService200ReadsLatitudeFirstForTheUrnCrs() throws Exception {
        ExternalTools.assumeOwslib();
        JsonNode r = owslib("wfs", base(), "2.0.0", cut(0), cut(1), cut(2), cut(3));
        assertThat(strings(r.get("types"))).containsAll(PUBLIC_LAYERS.stream().map(l -> "tm:" + l).toList());
        assertLatLon(r.get("urnFirst"));
        // the default CRS is the first advertised one, urn:ogc:def:crs:EPSG::4490: also latitude first
        assertLatLon(r.get("defaultFirst"));
        assertBboxUnderstood(r);
    }

    @Test
    void owslibWebFeatureService110ReadsBothAxisOrders() throws Exception {
        ExternalTools.assumeOwslib();
        JsonNode r = owslib("wfs", base(), "1.1.0", cut(0), cut(1), cut(2), cut(3));
        assertThat(strings(r.get("types"))).containsAll(PUBLIC_LAYERS.stream().map(l -> "tm:" + l).toList());
        assertLatLon(r.get("urnFirst"));
        JsonNode lonLat = r.get("epsgFirst");
        assertInCounty(lonLat.get(0).asDouble(), lonLat.get(1).asDouble());
        assertBboxUnderstood(r);
    }

    @Test
    void owslibOgcApiFeaturesListsCollectionsAndPages() throws Exception {
        ExternalTools.assumeOwslib();
        JsonNode r = owslib("ogcapi", base());
        assertThat(strings(r.get("collections"))).containsAll(PUBLIC_LAYERS);
        assertThat(strings(r.get("conformance"))).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");
        long expected = ogcApi("/ogc/collections/roads/items?limit=1").get("numberMatched").asLong();
        assertThat(r.get("roadsMatched").asLong()).isEqualTo(expected);
        assertThat(r.get("roadsReturned").asInt()).isEqualTo(5);
    }

    // ---- helpers ----

    void owslibWms(String version) throws Exception {
        JsonNode place = ogcApi("/ogc/collections/place_names/items?limit=1").get("features").get(0);
        String nameEn = place.get("properties").get("name_en").asString();
        JsonNode xy = place.get("geometry").get("coordinates");
        Path png = work.resolve("owslib-" + version + ".png");
        JsonNode r = owslib("wms", base(), version, png.toString(), Double.toString(xy.get(0).asDouble()), Double.toString(xy.get(1).asDouble()));
        assertThat(strings(r.get("layers"))).containsAll(PUBLIC_LAYERS);
        assertThat(r.get("contentType").asString()).startsWith("image/png");
        assertDrawn(png);
        assertThat(strings(r.get("infoNames"))).contains(nameEn);
    }

    /** The OWSLib bbox in urn:ogc:def:crs:EPSG::4326 selects what the same lon/lat box selects in OGC API. */
    void assertBboxUnderstood(JsonNode r) throws Exception {
        long expected = ogcApi(String.format(Locale.ROOT, "/ogc/collections/place_names/items?limit=1&bbox=%s,%s,%s,%s",
                CUT[0], CUT[1], CUT[2], CUT[3])).get("numberMatched").asLong();
        long all = ogcApi("/ogc/collections/place_names/items?limit=1").get("numberMatched").asLong();
        assertThat(expected).as("the test box must cut the layer").isPositive().isLessThan(all);
        assertThat(r.get("bboxMatched").asLong()).isEqualTo(expected);
        assertThat(r.get("bboxMembers").asLong()).isEqualTo(expected);
    }

    static void assertLatLon(JsonNode pair) {
        assertThat(pair).as("no coordinates in the response").isNotNull();
        assertThat(pair.isNull()).as("no coordinates in the response").isFalse();
        assertInCounty(pair.get(1).asDouble(), pair.get(0).asDouble());
    }

    static void assertInCounty(double lon, double lat) {
        assertThat(lon).as("longitude (axis order?)").isBetween(MIN_LON, MAX_LON);
        assertThat(lat).as("latitude (axis order?)").isBetween(MIN_LAT, MAX_LAT);
    }

    /** A 256×256 PNG whose pixels are not all alike and of which at least 1% differ from the most common colour. */
    static void assertDrawn(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).as("not a readable image: " + png).isNotNull();
        assertThat(img.getWidth()).isEqualTo(256);
        assertThat(img.getHeight()).isEqualTo(256);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) counts.merge(img.getRGB(x, y), 1, Integer::sum);
        int background = counts.values().stream().max(Integer::compare).orElseThrow();
        int drawn = img.getWidth() * img.getHeight() - background;
        assertThat(drawn).as("pixels drawn besides the background colour").isGreaterThan(img.getWidth() * img.getHeight() / 100);
    }

    static void positions(JsonNode coords, List<double[]> into) {
        if (coords.get(0).isNumber()) {
            into.add(new double[] {coords.get(0).asDouble(), coords.get(1).asDouble()});
        } else {
            for (JsonNode c : coords) positions(c, into);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.isNull() ? null : n.asString());
        return out;
    }

    String gdal(String... command) {
        return ExternalTools.run(List.of(command)).ok(List.of(command)).output();
    }

    JsonNode owslib(String... args) {
        List<String> command = new ArrayList<>(List.of(ExternalTools.PYTHON, script.toString()));
        command.addAll(List.of(args));
        String out = ExternalTools.run(command).ok(command).output();
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no result from OWSLib:\n" + out));
        return JSON.readTree(line.substring("RESULT ".length()));
    }

    JsonNode ogcApi(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/geo+json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    String cut(int i) {
        return Double.toString(CUT[i]);
    }
}
