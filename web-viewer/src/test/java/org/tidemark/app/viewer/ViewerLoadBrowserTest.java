package org.tidemark.app.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 500 gauges updating from the live stream: every marker ends on its latest reading, and the page keeps
 * answering (the main thread's longest stall is measured with a timer probe in the page).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewerLoadBrowserTest {
    static final int GAUGES = 500;
    static final int ROUNDS = 5;

    private ViewerFixtureServer server;
    private ForeignRequestTrap trap;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws IOException {
        Browser.assumeAvailable(Browser.viewerRoot());
        server = new ViewerFixtureServer(Browser.viewerRoot(), ViewerFixtureServer.demoStations(GAUGES));
        trap = new ForeignRequestTrap();
        driver = Browser.start(trap.port(), Path.of("target", "chromium-profile-load-" + System.nanoTime()), 1000, 640);
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (trap != null) trap.close();
    }

    @Test
    void fiveHundredGaugesFollowTheStreamAndThePageStaysResponsive() throws Exception {
        driver.get(server.baseUrl() + "?mse=8&layers=gauges");
        await(Duration.ofSeconds(90), "window.tidemark && window.tidemark.ready && window.tidemark.liveState === 'connected'"
                + " && window.tidemark.gauges.stations.size === " + GAUGES);
        String probe = "window.__lag = { max: 0, samples: [] }; let last = performance.now();"
                + " window.__lagTimer = setInterval(() => { const now = performance.now(); const lag = now - last - 100;"
                + " window.__lag.samples.push(lag); window.__lag.max = Math.max(window.__lag.max, lag); last = now; }, 100);";
        js(probe + " window.__frames0 = window.tidemark.frames; window.__t0 = performance.now();");
        Thread.sleep(3000);
        Map<?, ?> idle = (Map<?, ?>) js("clearInterval(window.__lagTimer); return { stall: window.__lag.max,"
                + " fps: (window.tidemark.frames - window.__frames0) * 1000 / (performance.now() - window.__t0) };");
        double idleStall = ((Number) idle.get("stall")).doubleValue();
        double idleFps = ((Number) idle.get("fps")).doubleValue();
        js(probe + " window.__frames0 = window.tidemark.frames; window.__t0 = performance.now();");

        List<ViewerFixtureServer.Station> stations = ViewerFixtureServer.demoStations(GAUGES);
        long lastSent = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            for (ViewerFixtureServer.Station s : stations) {
                double value = 1.0 + round * 0.5 + (s.code().hashCode() & 7) * 0.01;
                server.publish("observation", String.format(Locale.ROOT,
                        "{\"STCD\":\"%s\",\"property\":\"Z\",\"value\":%.2f,\"TM\":\"%s\"}", s.code(), value, Instant.now()));
            }
            lastSent = System.currentTimeMillis();
            Thread.sleep(1000);
        }
        double finalBase = 1.0 + ROUNDS * 0.5;
        await(Duration.ofSeconds(30), "[...window.tidemark.gauges.stations.values()].every(s => s.value >= " + (finalBase - 0.001)
                + " && s.drawnAt >= s.receivedAt)");
        Map<?, ?> result = (Map<?, ?>) js("clearInterval(window.__lagTimer);"
                + " const st = [...window.tidemark.gauges.stations.values()];"
                + " const sorted = window.__lag.samples.slice().sort((a, b) => a - b);"
                + " return { maxLag: window.__lag.max, p95Lag: sorted[Math.floor(sorted.length * 0.95)] || 0,"
                + " fps: (window.tidemark.frames - window.__frames0) * 1000 / (performance.now() - window.__t0),"
                + " lastDrawn: Math.max(...st.map(s => s.drawnAt)), readings: window.tidemark.readings,"
                + " red: st.filter(s => s.status === 'guarantee').length, yellow: st.filter(s => s.status === 'warning').length };");
        long allDrawn = Math.round(((Number) result.get("lastDrawn")).doubleValue() - lastSent);
        String line = String.format(Locale.ROOT,
                "%d gauges x %d rounds (%d SSE events): all redrawn %d ms after the last round was sent;"
                        + " main-thread stall max %.0f ms, p95 %.0f ms, %.1f frames/s (idle before the bursts: stall max %.0f ms, %.1f frames/s)",
                GAUGES, ROUNDS, ((Number) result.get("readings")).intValue(), allDrawn,
                ((Number) result.get("maxLag")).doubleValue(), ((Number) result.get("p95Lag")).doubleValue(),
                ((Number) result.get("fps")).doubleValue(), idleStall, idleFps);
        Files.createDirectories(ViewerBrowserTest.ARTIFACTS);
        Files.writeString(ViewerBrowserTest.ARTIFACTS.resolve("metrics-500-gauges.txt"), line + "\n", StandardCharsets.UTF_8);

        assertThat(((Number) result.get("readings")).intValue()).isEqualTo(GAUGES * ROUNDS);
        // The last round is 3.50–3.57 m: above guarantee only at Daxu (3.4 m), under warning only at Tingxia (4.0 m),
        // between the two everywhere else.
        assertThat(((Number) result.get("red")).intValue()).isEqualTo(1);
        assertThat(((Number) result.get("yellow")).intValue()).isEqualTo(GAUGES - 2);
        assertThat(allDrawn).as("last round on screen, ms").isLessThan(10_000);
        assertThat(((Number) result.get("fps")).doubleValue()).as("frames drawn while the bursts arrive").isGreaterThan(0);
        // The stall is recorded, not asserted: with software WebGL on a shared 2-core machine it measures the machine's load.
        assertThat(trap.pageRequests()).isEmpty();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void await(Duration timeout, String condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .until(d -> Boolean.TRUE.equals(js("try { return !!(" + condition + "); } catch (e) { return false; }")));
    }
}
