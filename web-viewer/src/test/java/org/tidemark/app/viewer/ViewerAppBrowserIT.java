package org.tidemark.app.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tidemark.app.DemoApplicationTest;

/**
 * The viewer in headless Chromium against the real application on the Xiangshan demo data (embedded
 * store, simulated feed off): it loads the county's terrain, imagery and buildings without errors and
 * without a request leaving 127.0.0.1; a public layer switched on is drawn from WMS; a reading posted to
 * the ingest API with the water bureau's telemetry key recolours and relabels its gauge within 2 s and
 * raises an alert; the time slider plays back the last 24 h of readings; planner and commander see
 * their own layers; a camera opens its panel; the language switch changes the interface. Screenshots
 * and measurements (first frame, settled globe, cold-start bytes, update latency) go to
 * target/viewer-artifacts/app/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewerAppBrowserIT extends DemoApplicationTest {
    static final Path ARTIFACTS = Path.of("target", "viewer-artifacts", "app");
    static final String TELEMETRY_KEY = "demo-water-telemetry";
    /** 新桥水位站5, a river gauge: warning 4.09 m, guarantee 5.35 m. */
    static final String LIVE_STATION = "63200005";
    /** 墙头水位站6, a river gauge: warning 4.23 m, guarantee 5.08 m. */
    static final String HISTORY_STATION = "63200006";
    /** The row of the alert raised when the live gauge went above its guarantee level. */
    static final String GUARANTEE_ALERT = "#alert-list li.alert.guarantee[data-station='" + LIVE_STATION + "']";
    /** Rounds of readings for every gauge in the load test. */
    static final int ROUNDS = 5;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ForeignRequestTrap trap;
    private ChromeDriver driver;
    private ViewerPage page;
    private final List<String> metrics = new ArrayList<>();

    @BeforeAll
    void start() throws IOException {
        Browser.assumeAvailable(Browser.viewerRoot());
        trap = new ForeignRequestTrap();
        driver = Browser.start(trap.port(), Path.of("target", "chromium-profile-app-" + System.nanoTime()), 1000, 640);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        page = new ViewerPage(driver, ARTIFACTS);
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) driver.quit();
        if (trap != null) trap.close();
        if (!metrics.isEmpty()) Files.write(ARTIFACTS.resolve("metrics.txt"), metrics, StandardCharsets.UTF_8);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    @Order(1)
    void theCountyLoadsOfflineFromTheAppWithoutErrorsAndSettles() throws IOException {
        Instant opened = Instant.now();
        driver.get(base() + "/?mse=8");
        page.waitFor(Duration.ofSeconds(120), "window.tidemark && window.tidemark.ready && window.tidemark.firstFrameMs !== null");
        page.waitFor(Duration.ofSeconds(300), "window.tidemark.settledMs !== null");
        long wall = Duration.between(opened, Instant.now()).toMillis();
        Map<?, ?> state = (Map<?, ?>) page.js("const s = window.tidemark; return {first: s.firstFrameMs, settled: s.settledMs,"
                + " frames: s.frames, webgl2: s.viewer.scene.context.webgl2, terrain: s.terrain, buildings: !!s.buildings,"
                + " errors: s.errors, csp: s.cspViolations, gauges: s.gauges.stations.size};");
        List<ViewerPage.Resource> loaded = page.resources();
        long transferred = loaded.stream().mapToLong(ViewerPage.Resource::transferSize).sum();
        long bodies = loaded.stream().mapToLong(ViewerPage.Resource::bodySize).sum();
        long decoded = loaded.stream().mapToLong(ViewerPage.Resource::decodedSize).sum();
        long cesium = loaded.stream().filter(r -> r.name().contains("/cesium/")).mapToLong(ViewerPage.Resource::transferSize).sum();
        long tiles = loaded.stream().filter(r -> r.name().contains("/tiles/")).mapToLong(ViewerPage.Resource::transferSize).sum();
        metrics.add(String.format(Locale.ROOT, "first frame: %.0f ms after navigation start", ((Number) state.get("first")).doubleValue()));
        metrics.add(String.format(Locale.ROOT, "globe settled (terrain, imagery, buildings): %.0f ms after navigation start, %s frames drawn"
                + " (wall clock from driver.get: %d ms)", ((Number) state.get("settled")).doubleValue(), state.get("frames"), wall));
        metrics.add(String.format(Locale.ROOT, "cold start to settled: %d requests, %d bytes transferred (headers + bodies as sent; %d body bytes,"
                + " %d after decoding); CesiumJS run time %d, terrain/imagery/building tiles %d", loaded.size(), transferred, bodies, decoded, cesium, tiles));

        assertThat(state.get("webgl2")).isEqualTo(true);
        assertThat(state.get("terrain")).as("quantized-mesh terrain from /tiles/terrain").isEqualTo(true);
        assertThat(state.get("buildings")).as("3D Tiles buildings").isEqualTo(true);
        assertThat(((Number) state.get("gauges")).intValue()).as("the demo's gauges").isEqualTo(100);
        assertThat((List<?>) state.get("errors")).isEmpty();
        assertThat((List<?>) state.get("csp")).as("blocked by the page's CSP").isEmpty();
        assertThat(loaded).as("failed requests").noneMatch(r -> r.status() >= 400);
        assertThat(loaded).extracting(ViewerPage.Resource::name)
                .anyMatch(n -> n.contains("/tiles/terrain/") && n.contains(".terrain"))
                .anyMatch(n -> n.contains("/tiles/basemap/WebMercatorQuad/"))
                .anyMatch(n -> n.contains("/tiles/buildings/tileset.json"))
                .anyMatch(n -> n.endsWith("/api/catalog"))
                .anyMatch(n -> n.endsWith("/api/sensors/stations"));
        assertThat(loaded).as("requests leaving 127.0.0.1").extracting(ViewerPage.Resource::name)
                .allMatch(n -> n.startsWith(base() + "/") || n.startsWith("data:") || n.startsWith("blob:"));
        assertThat(trap.pageRequests()).as("requests to non-loopback hosts (incl. workers)").isEmpty();
        assertThat(page.severeLogs(m -> false)).as("console errors").isEmpty();
        assertThat(page.distinctCanvasColours()).as("the globe canvas is not blank").isGreaterThan(16);
        page.screenshot("01-home-zh");

        // A guest sees the public layers; the others are listed greyed with "apply for access".
        assertThat(driver.findElements(By.cssSelector("#catalog .dept summary"))).extracting(WebElement::getText)
                .containsExactly("规划局", "水利局", "公安局", "海洋与渔业局", "应急管理局");
        assertThat(driver.findElement(By.cssSelector(".layer[data-layer=streams] input[type=checkbox]")).isEnabled()).isTrue();
        assertThat(driver.findElement(By.cssSelector(".layer[data-layer=flood_zones] input[type=checkbox]")).isEnabled()).isFalse();
        assertThat(driver.findElements(By.cssSelector(".layer[data-layer=flood_zones] button.apply"))).hasSize(1);
        assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("访客");
    }

    @Test
    @Order(2)
    void theLanguageSwitchChangesTheInterfaceText() throws IOException {
        driver.findElement(By.id("btn-lang")).click();
        page.waitFor(Duration.ofSeconds(10), "document.documentElement.lang === 'en'");
        assertThat(driver.findElement(By.cssSelector("#topbar h1")).getText()).isEqualTo("Tidemark · Xiangshan 3D situation");
        assertThat(driver.findElement(By.cssSelector("#catalog h2")).getText()).isEqualTo("Layers");
        assertThat(driver.findElements(By.cssSelector("#catalog .dept summary"))).extracting(WebElement::getText)
                .containsExactly("Planning Bureau", "Water Resources Bureau", "Public Security Bureau", "Ocean and Fisheries Bureau",
                        "Emergency Management Bureau");
        assertThat(driver.findElement(By.cssSelector(".layer[data-layer=streams] .layer-head span")).getText()).isEqualTo("Streams");
        assertThat(driver.findElement(By.id("time-value")).getText()).isEqualTo("live");
        page.waitFor(Duration.ofSeconds(20), "[...window.tidemark.gauges.stations.values()][0].entity.label.text.getValue().includes('station')");
        page.screenshot("02-home-en");
        driver.findElement(By.id("btn-lang")).click();
        page.waitFor(Duration.ofSeconds(10), "document.documentElement.lang === 'zh-CN'");
        assertThat(driver.findElement(By.cssSelector("#catalog h2")).getText()).isEqualTo("图层目录");
        assertThat(driver.findElement(By.id("btn-lang")).getText()).isEqualTo("English");
    }

    @Test
    @Order(3)
    void switchingOnAPublicLayerDrawsItFromWms() {
        assertThat(wmsRequests("streams", "GetMap")).isEmpty();
        driver.findElement(By.cssSelector(".layer[data-layer=streams] input[type=checkbox]")).click();
        page.waitUntil(Duration.ofSeconds(60), "GetMap requests for streams", () -> !wmsRequests("streams", "GetMap").isEmpty());
        page.waitUntil(Duration.ofSeconds(30), "the legend of streams", () -> !wmsRequests("streams", "GetLegendGraphic").isEmpty());
        ViewerPage.Resource map = wmsRequests("streams", "GetMap").get(0);
        assertThat(map.name()).contains("service=WMS").containsIgnoringCase("transparent=true").contains("bbox=");
        page.waitUntil(Duration.ofSeconds(60), "GetMap responses", () -> wmsRequests("streams", "GetMap").stream().allMatch(r -> r.status() == 200));
    }

    @Test
    @Order(4)
    void aPostedReadingRecoloursAndRelabelsItsGaugeWithinTwoSeconds() throws Exception {
        page.waitFor(Duration.ofSeconds(30), "window.tidemark.liveState === 'connected'");
        assertThat(page.js("return window.tidemark.gauges.stations.get(arguments[0]).status;", LIVE_STATION)).isEqualTo("unknown");
        // Best of three readings: on a machine shared with other builds one reading may wait out a stall
        // of the whole machine; the viewer must still manage one within the budget.
        List<Long> latencies = new ArrayList<>();
        for (double value : new double[] {5.87, 5.91, 5.95}) {
            long sent = System.currentTimeMillis();
            HttpResponse<String> posted = postReadings("[" + reading(LIVE_STATION, "Z", Instant.now(), value) + "]");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            String label = String.format(Locale.ROOT, "新桥水位站5 %.2f m", value);
            page.waitFor(Duration.ofSeconds(20), "(() => { const s = window.tidemark.gauges.stations.get('" + LIVE_STATION + "');"
                    + " return s.drawnAt > s.receivedAt && s.entity.label.text.getValue() === '" + label + "'"
                    + " && s.entity.point.color.getValue().red > 0.85 && s.entity.point.color.getValue().green < 0.3; })()");
            double drawnAt = page.number("return window.tidemark.gauges.stations.get(arguments[0]).drawnAt;", LIVE_STATION);
            double receivedAt = page.number("return window.tidemark.gauges.stations.get(arguments[0]).receivedAt;", LIVE_STATION);
            long latency = Math.round(drawnAt - sent);
            latencies.add(latency);
            metrics.add("reading POSTed to /api/sensors/observations -> gauge redrawn with new label and colour: " + latency + " ms"
                    + " (POST to SSE event in the page " + Math.round(receivedAt - sent) + " ms, then to the drawn frame "
                    + Math.round(drawnAt - receivedAt) + " ms)");
            liveLabel = label;
            if (latency < 2000) break;
        }
        assertThat(latencies.stream().mapToLong(Long::longValue).min().orElseThrow()).as("reading to redrawn gauge, ms, best of " + latencies)
                .isLessThan(2000);
        assertThat(page.js("return window.tidemark.gauges.stations.get(arguments[0]).status;", LIVE_STATION)).isEqualTo("guarantee");
    }

    /** The live gauge's label after the readings above. */
    private String liveLabel;

    @Test
    @Order(5)
    void theCrossingIsListedAsAnAlert() throws IOException {
        // (the second and third readings may also raise a "rising fast" alert for the same gauge)
        String row = GUARANTEE_ALERT;
        page.waitFor(Duration.ofSeconds(20), "document.querySelector(\"" + row + "\") !== null");
        WebElement alert = driver.findElement(By.cssSelector(row));
        // the first reading above the guarantee level raised it
        assertThat(alert.getText()).contains("新桥水位站5").contains("超保证水位").contains("5.87");
        assertThat(alert.getAttribute("class")).contains("guarantee");
        assertThat(driver.findElement(By.id("alert-count")).getText()).isNotEqualTo("0");
        page.screenshot("03-gauge-alert");
    }

    @Test
    @Order(6)
    void theTimeSliderPlaysBackTheLast24HoursOfReadings() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> posted = postReadings("[" + String.join(",",
                reading(HISTORY_STATION, "Z", now.minus(Duration.ofHours(6)), 5.50),
                reading(HISTORY_STATION, "Z", now.minus(Duration.ofHours(3)), 4.50),
                reading(HISTORY_STATION, "Z", now.minus(Duration.ofHours(1)), 3.10)) + "]");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        page.waitFor(Duration.ofSeconds(20), "window.tidemark.gauges.stations.get('" + HISTORY_STATION + "').status === 'normal'");

        // By hand: five and a half hours ago the gauge was above guarantee, two and a half hours ago above warning.
        moveSlider(-330);
        waitForGauge(HISTORY_STATION, "墙头水位站6 5.5 m", "guarantee");
        moveSlider(-150);
        waitForGauge(HISTORY_STATION, "墙头水位站6 4.5 m", "warning");
        // a gauge without readings then has none to show
        assertThat(gaugeLabel(LIVE_STATION)).isEqualTo("新桥水位站5 —");
        page.screenshot("04-history");
        moveSlider(0);
        waitForGauge(HISTORY_STATION, "墙头水位站6 3.1 m", "normal");
        waitForGauge(LIVE_STATION, liveLabel, "guarantee");
        assertThat(page.resources(r -> r.name().contains("/api/sensors/stations/" + HISTORY_STATION + "/observations?")))
                .isNotEmpty().allMatch(r -> r.status() == 200);

        // Play: every step shows the gauges at a later time, from 24 h ago back to live.
        page.js("const code = arguments[0], g = window.tidemark.gauges, original = g.showAt.bind(g); window.__played = [];"
                + " g.showAt = (time, values) => { original(time, values);"
                + " window.__played.push({time, status: g.displayed(g.stations.get(code)).status}); };", HISTORY_STATION);
        driver.findElement(By.id("time-play")).click();
        page.waitFor(Duration.ofSeconds(180), "window.__played.length > 0 && window.__played[window.__played.length - 1].time === null"
                + " && document.getElementById('time-slider').value === '0'");
        List<?> played = (List<?>) page.js("return window.__played;");
        List<String> statuses = new ArrayList<>();
        double previous = Double.NEGATIVE_INFINITY;
        for (Object o : played) {
            Map<?, ?> step = (Map<?, ?>) o;
            Object time = step.get("time");
            if (time != null) {
                assertThat(((Number) time).doubleValue()).as("playback moves forward").isGreaterThan(previous);
                previous = ((Number) time).doubleValue();
            }
            String status = String.valueOf(step.get("status"));
            if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) statuses.add(status);
        }
        metrics.add("playback of the last 24 h: " + played.size() + " steps, statuses of " + HISTORY_STATION + ": " + statuses);
        assertThat(played.size()).as("15-minute steps over 24 h").isGreaterThan(20);
        assertThat(statuses).containsSubsequence("unknown", "guarantee", "warning", "normal");
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo("normal");
        assertThat(driver.findElement(By.id("time-value")).getText()).isEqualTo("实时");
    }

    @Test
    @Order(7)
    void aPlannerSeesThePlanningAndGrantedLayersButNotThePoliceCameras() throws IOException {
        signIn("planner");
        page.waitFor(Duration.ofSeconds(20), "document.getElementById('user-name').textContent === 'planner · 规划局'");
        page.waitFor(Duration.ofSeconds(30), "!document.querySelector('.layer[data-layer=flood_zones] input[type=checkbox]').disabled");
        assertThat(driver.findElement(By.cssSelector(".layer[data-layer=police_cameras] input[type=checkbox]")).isEnabled()).isFalse();
        assertThat(driver.findElements(By.cssSelector(".layer[data-layer=police_cameras] button.apply"))).hasSize(1);
        // flood zones are one of the layers shown on first open: granted to planning, so now drawn with the planner's token
        page.waitUntil(Duration.ofSeconds(60), "GetMap for flood_zones", () -> wmsRequests("flood_zones", "GetMap").stream().anyMatch(r -> r.status() == 200));
        assertThat(wmsRequests("flood_zones", "GetMap")).noneMatch(r -> r.status() >= 400);
        // the storm surge's progression, granted like the flood zones, has a step slider read from the capabilities
        page.waitFor(Duration.ofSeconds(30), "document.querySelector('input[data-steps=flood_progression]') !== null");
        assertThat(driver.findElement(By.cssSelector("input[data-steps=flood_progression]")).getAttribute("max")).isEqualTo("6");
        page.js("document.querySelector('.layer[data-layer=flood_progression] input[type=checkbox]').click();"
                + " const s = document.querySelector('input[data-steps=flood_progression]'); s.value = '2';"
                + " s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));");
        page.waitUntil(Duration.ofSeconds(60), "GetMap for flood_progression at step 3", () -> wmsRequests("flood_progression", "GetMap").stream()
                .anyMatch(r -> r.status() == 200 && (r.name().contains("2026-09-14T02%3A00%3A00Z") || r.name().contains("2026-09-14T02:00:00Z"))));
        page.js("document.querySelector('.layer[data-layer=flood_progression] input[type=checkbox]').click();");
        page.screenshot("05-planner");
        driver.findElement(By.id("btn-signin")).click();
        page.waitFor(Duration.ofSeconds(20), "document.getElementById('user-name').textContent === '访客'"
                + " && document.querySelector('.layer[data-layer=flood_zones] input[type=checkbox]').disabled");
        assertThat(page.js("return window.tidemark.catalog.activeIds();")).asList().doesNotContain("flood_zones");
    }

    @Test
    @Order(8)
    void aCommanderSeesThePoliceCamerasAndACameraOpensItsPanel() throws IOException {
        signIn("commander");
        page.waitFor(Duration.ofSeconds(20), "document.getElementById('user-name').textContent === 'commander · 应急管理局'");
        page.waitFor(Duration.ofSeconds(60), "window.tidemark.viewer.dataSources.getByName('police_cameras').length > 0"
                + " && window.tidemark.viewer.dataSources.getByName('police_cameras')[0].entities.values.length > 0");
        assertThat(driver.findElement(By.cssSelector(".layer[data-layer=police_cameras] input[type=checkbox]")).isSelected()).isTrue();
        Map<?, ?> camera = (Map<?, ?>) page.js("const e = window.tidemark.viewer.dataSources.getByName('police_cameras')[0].entities.getById('camera:police_cameras.PC0001');"
                + " const c = window.Cesium.Cartographic.fromCartesian(e.position.getValue(window.Cesium.JulianDate.now()));"
                + " return {lon: window.Cesium.Math.toDegrees(c.longitude), lat: window.Cesium.Math.toDegrees(c.latitude), height: c.height};");
        double lon = ((Number) camera.get("lon")).doubleValue();
        double lat = ((Number) camera.get("lat")).doubleValue();
        // Close above the camera, so that its icon is not among its neighbours'.
        page.js("const C = window.Cesium, v = window.tidemark.viewer;"
                + " v.camera.setView({ destination: C.Cartesian3.fromDegrees(arguments[0], arguments[1], 900),"
                + " orientation: { heading: 0, pitch: C.Math.toRadians(-90), roll: 0 } }); v.scene.requestRender();", lon, lat);
        page.clickOnMap(lon, lat, ((Number) camera.get("height")).doubleValue());
        page.waitFor(Duration.ofSeconds(20), "document.getElementById('details').dataset.kind === 'camera'");
        assertThat(driver.findElement(By.id("details-title")).getText()).isEqualTo("公安视频监控 · 丹城纬二十一路监控点1");
        assertThat(driver.findElement(By.id("details-body")).getText()).contains("PC0001").contains("丹城纬二十一路");
        page.screenshot("06-commander-camera");
        page.js("document.getElementById('btn-home').click();");
    }

    @Test
    @Order(9)
    void theCommanderAcknowledgesTheAlertAndTheServerRecordsIt() throws Exception {
        String button = GUARANTEE_ALERT + " button.ack";
        page.waitFor(Duration.ofSeconds(10), "document.querySelector(\"" + button + "\") !== null");
        driver.findElement(By.cssSelector(button)).click();
        page.waitFor(Duration.ofSeconds(20), "document.querySelector(\"" + GUARANTEE_ALERT + "\").classList.contains('acked')");
        HttpResponse<String> alerts = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/sensors/alerts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(alerts.body()).contains("\"STCD\":\"" + LIVE_STATION + "\"").contains("\"acknowledgedBy\":\"commander\"");
    }

    @Test
    @Order(10)
    void everyGaugeFollowsRoundsOfPostedReadingsAndThePageKeepsAnswering() throws Exception {
        List<?> stations = (List<?>) page.js("return [...window.tidemark.gauges.stations.values()].map(s => [s.code, s.kind]);");
        String probe = "window.__lag = { max: 0, samples: [] }; let last = performance.now();"
                + " window.__lagTimer = setInterval(() => { const now = performance.now(); const lag = now - last - 100;"
                + " window.__lag.samples.push(lag); window.__lag.max = Math.max(window.__lag.max, lag); last = now; }, 100);"
                + " window.__frames0 = window.tidemark.frames; window.__t0 = performance.now(); window.__readings0 = window.tidemark.readings;";
        page.js(probe);
        Instant round = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(ROUNDS + 1);
        long lastSent = 0;
        for (int r = 1; r <= ROUNDS; r++) {
            List<String> readings = new ArrayList<>();
            for (Object o : stations) {
                List<?> s = (List<?>) o;
                String property = switch (String.valueOf(s.get(1))) {
                    case "RR" -> "RZ";
                    case "TT" -> "TDZ";
                    case "PP" -> "DRP";
                    default -> "Z";
                };
                readings.add(reading(String.valueOf(s.get(0)), property, round.plusSeconds(r), 1.0 + r * 0.1));
            }
            lastSent = System.currentTimeMillis();
            HttpResponse<String> posted = postReadings("[" + String.join(",", readings) + "]");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        }
        double last = 1.0 + ROUNDS * 0.1;
        page.waitFor(Duration.ofSeconds(60), "[...window.tidemark.gauges.stations.values()].every(s => Math.abs(s.value - " + last + ") < 1e-6"
                + " && s.drawnAt >= s.receivedAt)");
        Map<?, ?> result = (Map<?, ?>) page.js("clearInterval(window.__lagTimer);"
                + " const st = [...window.tidemark.gauges.stations.values()];"
                + " const sorted = window.__lag.samples.slice().sort((a, b) => a - b);"
                + " return { maxLag: window.__lag.max, p95Lag: sorted[Math.floor(sorted.length * 0.95)] || 0,"
                + " fps: (window.tidemark.frames - window.__frames0) * 1000 / (performance.now() - window.__t0),"
                + " readings: window.tidemark.readings - window.__readings0, lastDrawn: Math.max(...st.map(s => s.drawnAt)) };");
        long allDrawn = Math.round(((Number) result.get("lastDrawn")).doubleValue() - lastSent);
        metrics.add(String.format(Locale.ROOT, "%d gauges x %d rounds POSTed (%d readings over SSE): all redrawn %d ms after the last POST was sent;"
                        + " main-thread stall max %.0f ms, p95 %.0f ms; %.1f frames/s meanwhile",
                stations.size(), ROUNDS, ((Number) result.get("readings")).intValue(), allDrawn,
                ((Number) result.get("maxLag")).doubleValue(), ((Number) result.get("p95Lag")).doubleValue(), ((Number) result.get("fps")).doubleValue()));
        assertThat(((Number) result.get("readings")).intValue()).as("readings received over SSE").isGreaterThanOrEqualTo(stations.size() * ROUNDS);
        assertThat(allDrawn).as("last round on screen, ms").isLessThan(10_000);
        page.screenshot("07-all-gauges-updated");
    }

    // ---- helpers

    private List<ViewerPage.Resource> wmsRequests(String layer, String operation) {
        String lower = "/wms?";
        return page.resources(r -> r.name().contains(lower)
                && (r.name().toLowerCase(Locale.ROOT).contains("layers=" + layer) || r.name().toLowerCase(Locale.ROOT).contains("layer=" + layer))
                && r.name().toLowerCase(Locale.ROOT).contains("request=" + operation.toLowerCase(Locale.ROOT)));
    }

    private void signIn(String user) {
        if (!driver.findElement(By.id("user-name")).getText().equals("访客")) {
            driver.findElement(By.id("btn-signin")).click();
            page.waitFor(Duration.ofSeconds(20), "document.getElementById('user-name').textContent === '访客'");
        }
        driver.findElement(By.id("btn-signin")).click();
        page.waitFor(Duration.ofSeconds(10), "document.getElementById('signin-dialog').open");
        driver.findElement(By.cssSelector("#signin-form input[name=user]")).sendKeys(user);
        driver.findElement(By.cssSelector("#signin-form input[name=password]")).sendKeys(user);
        driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
    }

    private void moveSlider(int minutes) {
        page.js("const s = document.getElementById('time-slider'); s.value = String(arguments[0]);"
                + " s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));", minutes);
    }

    private String gaugeLabel(String code) {
        return String.valueOf(page.js("return window.tidemark.gauges.stations.get(arguments[0]).entity.label.text.getValue();", code));
    }

    private void waitForGauge(String code, String label, String status) {
        page.waitFor(Duration.ofSeconds(60), "(() => { const s = window.tidemark.gauges.stations.get('" + code + "');"
                + " return s.entity.label.text.getValue() === '" + label + "' && s.status === '" + status + "'; })()");
    }

    private static String reading(String station, String property, Instant time, double value) {
        return String.format(Locale.ROOT, "{\"station\":\"%s\",\"property\":\"%s\",\"time\":\"%s\",\"value\":%.2f,\"unit\":\"%s\"}",
                station, property, time.truncatedTo(ChronoUnit.SECONDS), value, property.equals("DRP") ? "mm" : "m");
    }

    private HttpResponse<String> postReadings(String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/sensors/observations"))
                .header("Content-Type", "application/json").header("X-API-Key", TELEMETRY_KEY)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
