package org.tidemark.app.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer in headless Chromium against {@link ViewerFixtureServer}: it loads and renders offline,
 * asks only the loopback server, logs no errors, switches language, requests WMS for a layer that is
 * switched on, follows the live stream (label and colour within 2 s, alerts), and opens the camera and
 * gauge panels on click. Screenshots and timings go to target/viewer-artifacts/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewerBrowserTest {
    static final Path ARTIFACTS = Path.of("target", "viewer-artifacts");

    private ViewerFixtureServer server;
    private ForeignRequestTrap trap;
    private ChromeDriver driver;
    private final List<String> metrics = new ArrayList<>();

    @BeforeAll
    void start() throws IOException {
        Browser.assumeAvailable(Browser.viewerRoot());
        Files.createDirectories(ARTIFACTS);
        server = new ViewerFixtureServer(Browser.viewerRoot(), ViewerFixtureServer.demoStations(3));
        trap = new ForeignRequestTrap();
        driver = Browser.start(trap.port(), Path.of("target", "chromium-profile-" + System.nanoTime()), 1000, 640);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (trap != null) trap.close();
        if (!metrics.isEmpty()) Files.write(ARTIFACTS.resolve("metrics.txt"), metrics, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void pageLoadsRendersTheGlobeOfflineWithoutErrors() throws IOException {
        Instant opened = Instant.now();
        driver.get(server.baseUrl() + "?mse=8");
        waitFor(Duration.ofSeconds(60), "window.tidemark && window.tidemark.ready && window.tidemark.firstFrameMs !== null");
        waitFor(Duration.ofSeconds(90), "window.tidemark.settledMs !== null");
        long wall = Duration.between(opened, Instant.now()).toMillis();
        Map<?, ?> timing = (Map<?, ?>) js("return {first: window.tidemark.firstFrameMs, settled: window.tidemark.settledMs,"
                + " webgl2: window.tidemark.viewer.scene.context.webgl2, errors: window.tidemark.errors};");
        metrics.add(String.format(Locale.ROOT, "first frame: %.0f ms after navigation start", ((Number) timing.get("first")).doubleValue()));
        metrics.add(String.format(Locale.ROOT, "globe settled: %.0f ms after navigation start (wall clock from driver.get: %d ms)",
                ((Number) timing.get("settled")).doubleValue(), wall));
        metrics.add("cold start bytes served (incl. worker scripts): " + server.bytesServed());
        assertThat(timing.get("webgl2")).isEqualTo(true);
        assertThat((List<?>) timing.get("errors")).isEmpty();
        assertThat((List<?>) js("return window.tidemark.cspViolations;")).as("blocked by the page's CSP").isEmpty();
        assertThat(distinctCanvasColours()).as("the globe canvas is not blank").isGreaterThan(8);
        screenshot("01-home-zh");

        assertThat(driver.findElement(By.cssSelector("#topbar h1")).getText()).contains("象山");
        assertThat(driver.findElements(By.cssSelector("#catalog .dept summary"))).extracting(WebElement::getText)
                .containsExactly("水利局", "公安局", "海洋与渔业局", "应急管理局");
        assertThat(driver.findElements(By.cssSelector(".layer[data-layer=coastal_cameras] button.apply"))).hasSize(1);

        assertThat(trap.pageRequests()).as("requests to non-loopback hosts").isEmpty();
        List<String> foreign = ((List<?>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => !/^(https?:\\/\\/(127\\.0\\.0\\.1|localhost)(:\\d+)?\\/|data:|blob:)/.test(n));"))
                .stream().map(String::valueOf).toList();
        assertThat(foreign).isEmpty();
        assertThat(severeLogs()).as("console errors").isEmpty();
        assertThat(server.requests()).extracting(ViewerFixtureServer.Recorded::path)
                .contains("/cesium/Cesium.js", "/api/catalog", "/api/sensors/stations", "/api/live");
    }

    @Test
    @Order(2)
    void languageToggleSwitchesTheInterfaceText() throws IOException {
        driver.findElement(By.id("btn-lang")).click();
        waitFor(Duration.ofSeconds(5), "document.documentElement.lang === 'en'");
        assertThat(driver.findElement(By.cssSelector("#topbar h1")).getText()).isEqualTo("Tidemark · Xiangshan 3D situation");
        assertThat(driver.findElement(By.cssSelector("#catalog h2")).getText()).isEqualTo("Layers");
        assertThat(driver.findElements(By.cssSelector("#catalog .dept summary"))).extracting(WebElement::getText)
                .containsExactly("Water Resources Bureau", "Public Security Bureau", "Ocean and Fisheries Bureau", "Emergency Management Bureau");
        assertThat(driver.getCurrentUrl()).contains("lang=en");
        screenshot("02-home-en");
        driver.findElement(By.id("btn-lang")).click();
        waitFor(Duration.ofSeconds(5), "document.documentElement.lang === 'zh-CN'");
        assertThat(driver.findElement(By.cssSelector("#catalog h2")).getText()).isEqualTo("图层目录");
        assertThat(driver.findElement(By.id("btn-lang")).getText()).isEqualTo("English");
        assertThat(driver.getCurrentUrl()).contains("lang=zh-CN");
    }

    @Test
    @Order(3)
    void switchingALayerOnRequestsItsWmsImageryAndLegend() {
        assertThat(js("return document.documentElement.lang")).isEqualTo("zh-CN");
        int before = wmsRequests("low_lying_areas", "GetMap");
        driver.findElement(By.cssSelector(".layer[data-layer=low_lying_areas] input[type=checkbox]")).click();
        waitUntil(Duration.ofSeconds(20), () -> wmsRequests("low_lying_areas", "GetMap") > before);
        waitUntil(Duration.ofSeconds(10), () -> wmsRequests("low_lying_areas", "GetLegendGraphic") > 0);
        ViewerFixtureServer.Recorded map = server.requests().stream()
                .filter(r -> "low_lying_areas".equals(r.parameter("LAYERS")) && "GetMap".equalsIgnoreCase(r.parameter("REQUEST")))
                .findFirst().orElseThrow();
        assertThat(map.parameter("SERVICE")).isEqualTo("WMS");
        assertThat(map.parameter("TRANSPARENT")).isEqualToIgnoringCase("true");
        assertThat(map.parameter("BBOX")).isNotBlank();
    }

    @Test
    @Order(4)
    void aLiveReadingRecoloursAndRelabelsItsGaugeWithinTwoSeconds() throws IOException {
        waitFor(Duration.ofSeconds(10), "window.tidemark.liveState === 'connected'");
        assertThat(gauge("63201500")).containsEntry("status", "normal");
        long sent = System.currentTimeMillis();
        server.publish("observation", "{\"STCD\":\"63201500\",\"property\":\"RZ\",\"value\":5.62,\"unit\":\"m\",\"TM\":\""
                + Instant.now() + "\"}");
        waitFor(Duration.ofSeconds(10), "(() => { const s = window.tidemark.gauges.stations.get('63201500');"
                + " return s.drawnAt > s.receivedAt && s.entity.label.text.getValue().includes('5.62')"
                + " && s.entity.point.color.getValue().red > 0.85 && s.entity.point.color.getValue().green < 0.3; })()");
        double drawnAt = ((Number) js("return window.tidemark.gauges.stations.get('63201500').drawnAt;")).doubleValue();
        long latency = Math.round(drawnAt - sent);
        metrics.add("SSE reading published -> gauge redrawn with new label and colour: " + latency + " ms");
        assertThat(latency).as("reading to redrawn gauge, ms").isLessThan(2000);
        assertThat(gauge("63201500")).containsEntry("status", "guarantee");
    }

    @Test
    @Order(5)
    void anAlertIsListedNewestFirstAndCanBeAcknowledged() throws IOException {
        server.publish("alert", "{\"id\":1,\"STCD\":\"63201600\",\"kind\":\"raised\",\"from\":\"normal\",\"status\":\"warning\",\"property\":\"TDZ\",\"value\":3.61,\"TM\":\""
                + Instant.now().minusSeconds(60) + "\"}");
        server.publish("alert", "{\"id\":2,\"STCD\":\"63201500\",\"kind\":\"raised\",\"from\":\"warning\",\"status\":\"danger\",\"property\":\"RZ\",\"value\":5.62,\"TM\":\""
                + Instant.now() + "\"}");
        waitFor(Duration.ofSeconds(5), "document.querySelectorAll('#alert-list li.alert').length === 2");
        List<WebElement> rows = driver.findElements(By.cssSelector("#alert-list li.alert"));
        assertThat(rows.get(0).getText()).contains("亭下水库").contains("超保证水位");
        assertThat(rows.get(1).getText()).contains("石浦潮位").contains("超警戒水位");
        assertThat(driver.findElement(By.id("alert-count")).getText()).isEqualTo("2");
        screenshot("03-alerts");
        rows.get(0).findElement(By.cssSelector("button.ack")).click();
        waitUntil(Duration.ofSeconds(5), () -> server.requests().stream()
                .anyMatch(r -> r.method().equals("POST") && r.path().equals("/api/sensors/alerts/2/acknowledge")));
        waitFor(Duration.ofSeconds(5), "document.getElementById('alert-count').textContent === '1'");
    }

    @Test
    @Order(6)
    void clickingACameraOpensItsPanelWithTheStreamLink() throws IOException {
        waitFor(Duration.ofSeconds(20), "window.tidemark.viewer.dataSources.getByName('police_cameras').length > 0"
                + " && window.tidemark.viewer.dataSources.getByName('police_cameras')[0].entities.values.length === 3");
        ViewerFixtureServer.Camera camera = ViewerFixtureServer.CAMERAS.get(0);
        clickOnMap(camera.lon(), camera.lat(), 8);
        waitFor(Duration.ofSeconds(10), "document.getElementById('details').dataset.kind === 'camera'");
        assertThat(driver.findElement(By.id("details-title")).getText()).contains(camera.name());
        assertThat(driver.findElement(By.cssSelector("#details-body .stream a")).getAttribute("href")).endsWith("/streams/" + camera.code());
        screenshot("04-camera-panel");

        // Close to the camera, its view cone (heading 45°, 60° wide, 400 m) is what a person sees; then back.
        js("const C = window.Cesium, cam = window.tidemark.viewer.camera;"
                + " window.__saved = { destination: cam.position.clone(), orientation: { heading: cam.heading, pitch: cam.pitch, roll: cam.roll } };"
                + " cam.setView({ destination: C.Cartesian3.fromDegrees(121.866, 29.462, 700),"
                + " orientation: { heading: C.Math.toRadians(30), pitch: C.Math.toRadians(-40), roll: 0 } });"
                + " window.tidemark.viewer.scene.requestRender();");
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(200))
                    .until(d -> Boolean.TRUE.equals(js("return window.tidemark.viewer.scene.globe.tilesLoaded;")));
        } catch (TimeoutException slowMachine) {
            // only the screenshot's sharpness depends on it
        } finally {
            screenshot("04b-camera-cone");
            js("window.tidemark.viewer.camera.setView(window.__saved); window.tidemark.viewer.scene.requestRender();");
        }
    }

    @Test
    @Order(7)
    void clickingAGaugeShowsItsHydrographWithWarningLines() throws IOException {
        clickOnMap(121.70, 29.40, 5);
        waitFor(Duration.ofSeconds(10), "document.getElementById('details').dataset.kind === 'gauge'"
                + " && Number(document.getElementById('chart').dataset.points) > 0");
        assertThat(driver.findElement(By.id("details-title")).getText()).contains("大徐溪");
        assertThat(server.requests()).extracting(ViewerFixtureServer.Recorded::path).contains("/api/sensors/stations/63201700/observations");
        screenshot("05-gauge-chart");
        // the level slider runs the inundation process for this gauge and drapes the result
        js("document.querySelector('[data-testid=inundation-level]').closest('.inundation').querySelector('button').click();");
        waitFor(Duration.ofSeconds(10), "document.querySelector('.inundation p').textContent.includes('4.21')");
        assertThat(driver.findElement(By.cssSelector(".inundation p")).getText()).contains("37");
        assertThat(server.lastProcessBody()).contains("\"gauge\":\"63201700\"").contains("\"level\"");
        assertThat(((Number) js("return window.tidemark.viewer.dataSources.getByName('inundation')[0].entities.values.length;")).intValue())
                .isGreaterThan(0);
        screenshot("05b-inundation");
        assertThat(severeLogs()).as("console errors").isEmpty();
        assertThat(trap.pageRequests()).as("requests to non-loopback hosts").isEmpty();
    }

    @Test
    @Order(8)
    void measuresDistanceAndAreaOnTheEllipsoid() throws IOException {
        double metres = ((Number) js("return window.tidemark.tools.drawPoints('distance', [[121.8, 29.4], [121.9, 29.4]]);")).doubleValue();
        // Independent value: the arc of the 29.4° parallel (the geodesic between two points 0.1° apart differs by < 1 mm).
        assertThat(metres).isCloseTo(parallelArc(29.4, 0.1), org.assertj.core.data.Offset.offset(0.01));
        assertThat(driver.findElement(By.cssSelector("#details-body p.result")).getText()).isEqualTo("9.706 km");

        double m2 = ((Number) js("return window.tidemark.tools.drawPoints('area',"
                + " [[121.80, 29.40], [121.81, 29.40], [121.81, 29.41], [121.80, 29.41]]);")).doubleValue();
        double expected = quadrangleArea(29.40, 29.41, 0.01);
        assertThat(m2).isCloseTo(expected, org.assertj.core.data.Offset.offset(expected * 1e-6));
        String shown = driver.findElement(By.cssSelector("#details-body p.result")).getText();
        assertThat(shown).contains("km²").contains("亩");
        screenshot("06-measure-area");
        js("document.getElementById('btn-clear').click();");
    }

    @Test
    @Order(9)
    void clickingADrapedLayerShowsItsFeatureInfoWithChineseFieldNames() throws IOException {
        clickOnMap(121.95, 29.52, 0);
        waitFor(Duration.ofSeconds(20), "document.getElementById('details').dataset.kind === 'info'"
                + " && document.querySelector('#details-body table.props') !== null");
        assertThat(driver.findElement(By.id("details-body")).getText()).contains("城东低洼区").contains("风险等级").contains("最大淹没水深");
        ViewerFixtureServer.Recorded info = server.requests().stream()
                .filter(r -> "GetFeatureInfo".equalsIgnoreCase(r.parameter("REQUEST"))).findFirst().orElseThrow();
        assertThat(info.parameter("INFO_FORMAT")).isEqualTo("application/json");
        screenshot("07-feature-info");
    }

    @Test
    @Order(10)
    void theCoverageToolListsTheCamerasThatSeeAPoint() {
        driver.findElement(By.cssSelector("button[data-tool=coverage]")).click();
        // 150 m north-east of PC-001, which looks north-east (heading 45°, 60° wide, 400 m).
        clickOnMap(121.8711, 29.4710, 0);
        waitFor(Duration.ofSeconds(10), "document.getElementById('details').dataset.kind === 'coverage'");
        assertThat(driver.findElement(By.id("details-body")).getText()).contains("丹城路口 (PC-001)").doesNotContain("PC-002");
    }

    @Test
    @Order(11)
    void sharingPutsTheViewLayersAndLanguageInTheLink() {
        driver.findElement(By.id("btn-share")).click();
        waitFor(Duration.ofSeconds(5), "document.getElementById('btn-share').dataset.link");
        String link = driver.findElement(By.id("btn-share")).getAttribute("data-link");
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query.get("lang")).isEqualTo("zh-CN");
        assertThat(query.get("mode")).isEqualTo("3d");
        assertThat(query.get("layers").split(",")).contains("gauges", "flood_zones", "police_cameras", "low_lying_areas");
        assertThat(query.get("view").split(",")).hasSize(5);
        assertThat(Double.parseDouble(query.get("view").split(",")[0])).isBetween(121.0, 123.0);
    }

    @Test
    @Order(12)
    void aDroppedLiveStreamResumesFromTheLastEventId() {
        long last = server.lastEventId();
        server.dropLiveClients();
        waitUntil(Duration.ofSeconds(20), () -> server.liveResumedFrom().contains(String.valueOf(last)) && server.liveClients() > 0);
        server.publish("observation", "{\"STCD\":\"63201700\",\"property\":\"Z\",\"value\":3.05,\"TM\":\""
                + Instant.now() + "\"}");
        waitFor(Duration.ofSeconds(10), "window.tidemark.gauges.stations.get('63201700').status === 'warning'");
    }

    @Test
    @Order(13)
    void theTimeSliderRequestsTimeAwareLayersAtTheChosenTime() {
        js("const s = document.getElementById('time-slider'); s.value = '-1440';"
                + " s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));");
        waitUntil(Duration.ofSeconds(20), () -> server.requests().stream()
                .anyMatch(r -> "flood_zones".equals(r.parameter("LAYERS")) && r.parameter("TIME") != null));
        String time = server.requests().stream().filter(r -> "flood_zones".equals(r.parameter("LAYERS")) && r.parameter("TIME") != null)
                .findFirst().orElseThrow().parameter("TIME");
        assertThat(Duration.between(Instant.parse(time), Instant.now()).toHours()).isBetween(23L, 24L);
        assertThat(server.requests().stream().filter(r -> "low_lying_areas".equals(r.parameter("LAYERS")))
                .allMatch(r -> r.parameter("TIME") == null)).as("layers without time get no TIME").isTrue();
        assertThat(driver.findElement(By.id("time-value")).getText()).isNotEqualTo("实时");
    }

    @Test
    @Order(14)
    void signingInSendsTheBearerTokenAndShowsTheUser() {
        driver.findElement(By.id("btn-signin")).click();
        waitFor(Duration.ofSeconds(5), "document.getElementById('signin-dialog').open");
        WebElement user = driver.findElement(By.cssSelector("#signin-form input[name=user]"));
        WebElement password = driver.findElement(By.cssSelector("#signin-form input[name=password]"));
        user.sendKeys("planner");
        password.sendKeys("wrong");
        driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        waitFor(Duration.ofSeconds(5), "document.getElementById('signin-error').textContent === '用户名或密码错误'");

        password.clear();
        password.sendKeys("planner");
        int before = server.requests().size();
        driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        waitFor(Duration.ofSeconds(5), "document.getElementById('user-name').textContent === 'planner · 规划局'");
        assertThat(driver.findElement(By.id("btn-signin")).getText()).isEqualTo("退出");
        waitUntil(Duration.ofSeconds(10), () -> server.requests().subList(before, server.requests().size()).stream()
                .anyMatch(r -> r.path().equals("/api/catalog")));
        assertThat(server.requests().subList(before, server.requests().size()).stream()
                .filter(r -> r.path().equals("/api/catalog")).findFirst().orElseThrow().authorization())
                .isEqualTo("Bearer " + ViewerFixtureServer.TOKEN);
        assertThat(js("return localStorage.getItem('tidemark.token');")).isEqualTo(ViewerFixtureServer.TOKEN);
    }

    @Test
    @Order(15)
    void drawingASiteRunsTheSitingCheckAndShowsTheReport() throws IOException {
        js("window.tidemark.tools.drawPoints('site', [[121.86, 29.46], [121.88, 29.46], [121.88, 29.48], [121.86, 29.48]]);");
        waitFor(Duration.ofSeconds(5), "document.getElementById('site-dialog').open");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("#site-form select[name=projectType]"))).selectByValue("school");
        driver.findElement(By.cssSelector("#site-form button[type=submit]")).click();
        waitFor(Duration.ofSeconds(10), "document.getElementById('details').dataset.kind === 'site'"
                + " && document.querySelector('#details-body dl.report') !== null");
        String report = driver.findElement(By.id("details-body")).getText();
        assertThat(report).contains("不宜建设").contains("风险等级").contains("丹城路口").contains("可打印报告");
        String body = server.lastProcessBody();
        assertThat(body).contains("\"projectType\":\"school\"").contains("\"type\":\"Polygon\"")
                .contains("[[121.86,29.46],[121.88,29.46],[121.88,29.48],[121.86,29.48],[121.86,29.46]]");
        screenshot("08-site-report");
    }

    @Test
    @Order(16)
    void theGaugeChartShowsTheWindowEndingAtTheSliderTimeWithAMarkerAndReturnsToLive() throws IOException {
        moveSlider(0);
        js("window.tidemark.picking.showGauge('63201700');");
        waitFor(Duration.ofSeconds(10), "document.getElementById('details').dataset.kind === 'gauge'"
                + " && document.getElementById('chart').dataset.time === '' && Number(document.getElementById('chart').dataset.points) > 0");
        int livePoints = Integer.parseInt(driver.findElement(By.id("chart")).getAttribute("data-points"));

        moveSlider(-600);
        waitFor(Duration.ofSeconds(10), "document.getElementById('chart').dataset.time !== ''");
        Instant marker = Instant.parse(driver.findElement(By.id("chart")).getAttribute("data-time"));
        assertThat(Duration.between(marker, Instant.now()).toMinutes()).as("the slider's time").isBetween(599L, 601L);
        Map<?, ?> drawn = (Map<?, ?>) js("const o = window.tidemark.chartOption(); const s = o.series[0];"
                + " return { max: o.xAxis[0].max, min: o.xAxis[0].min, last: Date.parse(s.data[s.data.length - 1][0]),"
                + " marks: s.markLine.data.filter(m => m.xAxis !== undefined).map(m => m.xAxis), points: s.data.length };");
        assertThat(((Number) drawn.get("max")).longValue()).as("window ends at the slider").isEqualTo(marker.toEpochMilli());
        assertThat(((Number) drawn.get("max")).longValue() - ((Number) drawn.get("min")).longValue()).isEqualTo(Duration.ofHours(24).toMillis());
        assertThat((List<?>) drawn.get("marks")).as("a marker line at the slider's time").singleElement()
                .satisfies(x -> assertThat(((Number) x).longValue()).isEqualTo(marker.toEpochMilli()));
        assertThat(((Number) drawn.get("last")).longValue()).as("no reading after the slider's time").isLessThanOrEqualTo(marker.toEpochMilli());
        assertThat(((Number) drawn.get("points")).intValue()).as("the fixture's hourly readings in the window").isLessThan(livePoints);
        assertThat(server.requests()).as("the window is asked for").anyMatch(r -> r.path().equals("/api/sensors/stations/63201700/observations")
                && r.parameter("to") != null && Math.abs(Duration.between(Instant.parse(r.parameter("to")), marker).toSeconds()) <= 1);
        screenshot("09-chart-at-slider-time");

        moveSlider(0);
        waitFor(Duration.ofSeconds(10), "document.getElementById('chart').dataset.time === ''");
        Map<?, ?> live = (Map<?, ?>) js("const o = window.tidemark.chartOption(); const s = o.series[0];"
                + " return { max: o.xAxis[0].max, marks: s.markLine.data.filter(m => m.xAxis !== undefined).length, points: s.data.length };");
        assertThat(((Number) live.get("marks")).intValue()).as("no marker when live").isZero();
        assertThat(Instant.now().toEpochMilli() - ((Number) live.get("max")).longValue()).as("live window ends now").isLessThan(60_000);
        assertThat(((Number) live.get("points")).intValue()).isEqualTo(livePoints);
    }

    @Test
    @Order(17)
    void playbackShowsEveryStepInOrderWhenStepsAreSlowerThanTheTick() {
        // Each step's readings take 600 ms to arrive, longer than the 250 ms playback tick.
        js("const h = window.tidemark.history, g = window.tidemark.gauges, slider = document.getElementById('time-slider');"
                + " const valuesAt = h.valuesAt.bind(h), showAt = g.showAt.bind(g); window.__shown = [];"
                + " h.valuesAt = async (t) => { await new Promise(r => setTimeout(r, 600)); return valuesAt(t); };"
                + " g.showAt = (time, values) => { showAt(time, values); window.__shown.push(Number(slider.value)); };");
        moveSlider(-240);
        waitFor(Duration.ofSeconds(10), "window.__shown.includes(-240)");
        js("window.__shown = [];");
        driver.findElement(By.id("time-play")).click();
        waitFor(Duration.ofSeconds(60), "window.__shown.includes(0) && document.getElementById('time-play').textContent === '▶'");
        List<Integer> expected = new ArrayList<>();
        for (int m = -240; m <= 0; m += 15) expected.add(m);
        List<Integer> shown = ((List<?>) js("return window.__shown;")).stream().map(o -> ((Number) o).intValue()).toList();
        assertThat(shown).as("every 15-minute step shown once, in order, then live").isEqualTo(expected);
        assertThat(driver.findElement(By.id("chart")).getAttribute("data-time")).as("the chart followed back to live").isEmpty();
    }

    @Test
    @Order(18)
    void theFloodScenarioSliderRequestsTheChosenStepFromWms() {
        // the steps come from the capabilities' time Dimension; the slider starts on the last (the peak)
        WebElement slider = driver.findElement(By.cssSelector(".layer[data-layer=flood_progression] input[data-steps=flood_progression]"));
        assertThat(slider.getAttribute("max")).isEqualTo(String.valueOf(ViewerFixtureServer.FLOOD_STEPS.size() - 1));
        assertThat(slider.getAttribute("value")).isEqualTo(String.valueOf(ViewerFixtureServer.FLOOD_STEPS.size() - 1));
        driver.findElement(By.cssSelector(".layer[data-layer=flood_progression] input[type=checkbox]")).click();
        String last = ViewerFixtureServer.FLOOD_STEPS.get(ViewerFixtureServer.FLOOD_STEPS.size() - 1);
        waitUntil(Duration.ofSeconds(20), () -> floodMaps().contains(last));

        int before = floodMaps().size();
        js("const s = document.querySelector('input[data-steps=flood_progression]'); s.value = '1';"
                + " s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));");
        String chosen = ViewerFixtureServer.FLOOD_STEPS.get(1);
        waitUntil(Duration.ofSeconds(20), () -> floodMaps().subList(before, floodMaps().size()).contains(chosen));
        List<String> after = floodMaps().subList(before, floodMaps().size());
        assertThat(after.subList(after.indexOf(chosen), after.size())).as("once the chosen step is asked for, only it").containsOnly(chosen);
        assertThat(driver.findElement(By.cssSelector(".layer[data-layer=flood_progression] output")).getAttribute("data-time")).isEqualTo(chosen);
        assertThat(driver.findElement(By.cssSelector(".layer[data-layer=flood_progression] output")).getText()).endsWith("(2/5)");
        assertThat(((Number) js("return window.tidemark.viewer.imageryLayers._layers.filter(l => l.tidemarkName === 'flood_progression').length;"))
                .intValue()).as("one overlay, replaced").isEqualTo(1);

        // the footer's slider does not move a scenario layer
        int mark = floodMaps().size();
        moveSlider(-60);
        waitUntil(Duration.ofSeconds(20), () -> server.requests().stream().anyMatch(r -> "flood_zones".equals(r.parameter("LAYERS"))
                && r.parameter("TIME") != null && Duration.between(Instant.parse(r.parameter("TIME")), Instant.now()).toMinutes() < 62));
        assertThat(floodMaps().subList(mark, floodMaps().size())).allMatch(chosen::equals);
        moveSlider(0);
    }

    /** TIME of the flood_progression GetMap requests so far, in order (null when sent without TIME). */
    private List<String> floodMaps() {
        return server.requests().stream().filter(r -> r.path().equals("/wms") && "flood_progression".equals(r.parameter("LAYERS"))
                && "GetMap".equalsIgnoreCase(r.parameter("REQUEST"))).map(r -> r.parameter("TIME")).toList();
    }

    /** Length of an arc of the parallel at latitude phi spanning dLon degrees, on the GRS80/WGS84 ellipsoid. */
    static double parallelArc(double phiDeg, double dLonDeg) {
        double a = 6378137, f = 1 / 298.257223563, e2 = f * (2 - f);
        double phi = Math.toRadians(phiDeg);
        double n = a / Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi));
        return n * Math.cos(phi) * Math.toRadians(dLonDeg);
    }

    /** Exact area of the ellipsoidal quadrangle between two parallels and two meridians dLon apart. */
    static double quadrangleArea(double phi1Deg, double phi2Deg, double dLonDeg) {
        double a = 6378137, f = 1 / 298.257223563, e2 = f * (2 - f), e = Math.sqrt(e2), b2 = a * a * (1 - e2);
        java.util.function.DoubleUnaryOperator g = phiDeg -> {
            double s = Math.sin(Math.toRadians(phiDeg));
            return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
        };
        return b2 / 2 * Math.toRadians(dLonDeg) * (g.applyAsDouble(phi2Deg) - g.applyAsDouble(phi1Deg));
    }

    // ---- helpers

    private void moveSlider(int minutes) {
        js("const s = document.getElementById('time-slider'); s.value = String(arguments[0]);"
                + " s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));", minutes);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> gauge(String code) {
        return (Map<String, Object>) js("const s = window.tidemark.gauges.stations.get(arguments[0]);"
                + " return {status: s.status, label: s.entity.label.text.getValue()};", code);
    }

    private int wmsRequests(String layer, String operation) {
        return (int) server.requests().stream()
                .filter(r -> r.path().equals("/wms") && layer.equals(r.parameter("LAYERS") != null ? r.parameter("LAYERS") : r.parameter("LAYER"))
                        && operation.equalsIgnoreCase(r.parameter("REQUEST")))
                .count();
    }

    /** Clicks the map where (lon, lat, height) is drawn, as a person would. */
    private void clickOnMap(double lon, double lat, double height) {
        Map<?, ?> at = (Map<?, ?>) js("const C = window.Cesium, v = window.tidemark.viewer;"
                + " v.scene.requestRender(); v.scene.render();"
                + " const p = C.Cartesian3.fromDegrees(arguments[0], arguments[1], arguments[2]);"
                + " const w = (C.SceneTransforms.worldToWindowCoordinates || C.SceneTransforms.wgs84ToWindowCoordinates)(v.scene, p);"
                + " const r = v.scene.canvas.getBoundingClientRect();"
                + " return {x: w.x, y: w.y, w: r.width, h: r.height};", lon, lat, height);
        WebElement canvas = driver.findElement(By.cssSelector("#cesiumContainer canvas"));
        int dx = (int) Math.round(((Number) at.get("x")).doubleValue() - ((Number) at.get("w")).doubleValue() / 2);
        int dy = (int) Math.round(((Number) at.get("y")).doubleValue() - ((Number) at.get("h")).doubleValue() / 2);
        new Actions(driver).moveToElement(canvas, dx, dy).click().perform();
    }

    private long distinctCanvasColours() {
        Object n = js("const c = document.querySelector('#cesiumContainer canvas');"
                + " window.tidemark.viewer.scene.render();"
                + " const t = document.createElement('canvas'); t.width = 80; t.height = 50;"
                + " const g = t.getContext('2d'); g.drawImage(c, 0, 0, 80, 50);"
                + " const d = g.getImageData(0, 0, 80, 50).data; const seen = new Set();"
                + " for (let i = 0; i < d.length; i += 4) seen.add((d[i] >> 3) + ',' + (d[i + 1] >> 3) + ',' + (d[i + 2] >> 3));"
                + " return seen.size;");
        return ((Number) n).longValue();
    }

    private List<String> severeLogs() {
        List<String> out = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() < Level.SEVERE.intValue()) continue;
            // The fixture has no terrain: the viewer probes layer.json, gets 404 and falls back to the ellipsoid (and says so).
            if (entry.getMessage().contains("/tiles/terrain/layer.json") && entry.getMessage().contains("404")) continue;
            out.add(entry.getMessage());
        }
        return out;
    }

    private void screenshot(String name) throws IOException {
        Files.write(ARTIFACTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void waitFor(Duration timeout, String condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                    .withMessage(() -> "waiting for: " + condition + "; page errors: " + js("return window.tidemark && window.tidemark.errors"))
                    .until(d -> Boolean.TRUE.equals(js("try { return !!(" + condition + "); } catch (e) { return false; }")));
        } catch (TimeoutException e) {
            try {
                screenshot("failed-" + System.currentTimeMillis());
            } catch (IOException | RuntimeException ignored) {
                // the timeout is the failure to report
            }
            throw e;
        }
    }

    private void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(d -> condition.getAsBoolean());
    }

}
