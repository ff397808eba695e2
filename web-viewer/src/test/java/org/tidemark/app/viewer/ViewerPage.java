package org.tidemark.app.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
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
 * The viewer page as the browser tests drive it: scripts in the page, waits on conditions (never fixed
 * sleeps: software WebGL on a loaded 2-core machine draws 1–2 frames a second), clicks on map positions,
 * the page's own resource timing entries, and screenshots into an artefact directory.
 */
final class ViewerPage {
    /** One request the page made, from its resource timing entry (status 0 when the browser does not say). */
    record Resource(String name, String initiator, long transferSize, long bodySize, long decodedSize, int status) {}

    private final ChromeDriver driver;
    private final Path artifacts;

    ViewerPage(ChromeDriver driver, Path artifacts) throws IOException {
        this.driver = driver;
        this.artifacts = artifacts;
        Files.createDirectories(artifacts);
    }

    ChromeDriver driver() {
        return driver;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    double number(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }

    /** Waits until a page expression is truthy; on timeout saves a screenshot and reports the page's errors. */
    void waitFor(Duration timeout, String condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                    .withMessage(() -> "waiting for: " + condition + "; page errors: " + js("return window.tidemark && window.tidemark.errors"))
                    .until(d -> Boolean.TRUE.equals(js("try { return !!(" + condition + "); } catch (e) { return false; }")));
        } catch (TimeoutException e) {
            screenshotQuietly("failed-" + System.currentTimeMillis());
            throw e;
        }
    }

    void waitUntil(Duration timeout, String what, BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(100)).withMessage(what).until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            screenshotQuietly("failed-" + System.currentTimeMillis());
            throw e;
        }
    }

    /** Every request the page (not its workers) made so far, from the Resource Timing API. */
    List<Resource> resources() {
        List<?> raw = (List<?>) js("return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))"
                + ".map(e => ({name: e.name, initiator: e.initiatorType || 'navigation', transfer: e.transferSize || 0,"
                + " body: e.encodedBodySize || 0, decoded: e.decodedBodySize || 0, status: e.responseStatus || 0}));");
        List<Resource> out = new ArrayList<>();
        for (Object o : raw) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(new Resource(String.valueOf(m.get("name")), String.valueOf(m.get("initiator")),
                    ((Number) m.get("transfer")).longValue(), ((Number) m.get("body")).longValue(),
                    ((Number) m.get("decoded")).longValue(), ((Number) m.get("status")).intValue()));
        }
        return out;
    }

    List<Resource> resources(Predicate<Resource> filter) {
        return resources().stream().filter(filter).toList();
    }

    /** Clicks the map where (lon, lat, height) is drawn, as a person would. */
    void clickOnMap(double lon, double lat, double height) {
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

    /** Distinct colours (5 bits a channel) in an 80×50 copy of the globe canvas: a blank canvas has one or two. */
    long distinctCanvasColours() {
        Object n = js("const c = document.querySelector('#cesiumContainer canvas');"
                + " window.tidemark.viewer.scene.render();"
                + " const t = document.createElement('canvas'); t.width = 80; t.height = 50;"
                + " const g = t.getContext('2d'); g.drawImage(c, 0, 0, 80, 50);"
                + " const d = g.getImageData(0, 0, 80, 50).data; const seen = new Set();"
                + " for (let i = 0; i < d.length; i += 4) seen.add((d[i] >> 3) + ',' + (d[i + 1] >> 3) + ',' + (d[i + 2] >> 3));"
                + " return seen.size;");
        return ((Number) n).longValue();
    }

    /** Console messages at SEVERE (errors, failed requests) not matched by the ignore filter. */
    List<String> severeLogs(Predicate<String> ignore) {
        List<String> out = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() < Level.SEVERE.intValue() || ignore.test(entry.getMessage())) continue;
            out.add(entry.getMessage());
        }
        return out;
    }

    void screenshot(String name) throws IOException {
        Files.write(artifacts.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private void screenshotQuietly(String name) {
        try {
            screenshot(name);
        } catch (IOException | RuntimeException ignored) {
            // the timeout is the failure to report
        }
    }
}
