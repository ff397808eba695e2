package org.tidemark.app.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium through the Debian chromedriver, with the flags that make CesiumJS render
 * with software WebGL2 (see shared/notes/cesium-3d.md). Every request to a non-loopback host is sent
 * to a {@link ForeignRequestTrap}. Tests are skipped where the browser is not installed, unless
 * TIDEMARK_REQUIRE_INTEGRATION=true.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("TIDEMARK_REQUIRE_INTEGRATION"));
    }

    /** Skips (or, when integration is required, fails) unless chromium, chromedriver and the built viewer exist. */
    static void assumeAvailable(Path viewerRoot) {
        boolean ready = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && Files.isRegularFile(viewerRoot.resolve("index.html"));
        if (required() && !ready) {
            throw new IllegalStateException("TIDEMARK_REQUIRE_INTEGRATION=true but chromium, chromedriver or the built viewer ("
                    + viewerRoot + ") is missing");
        }
        Assumptions.assumeTrue(ready, "chromium/chromedriver or the built viewer is missing");
    }

    /** The built viewer: the jar's static/ directory written by the front-end build. */
    static Path viewerRoot() {
        return Path.of("target", "classes", "static").toAbsolutePath();
    }

    static ChromeDriver start(int trapPort, Path profile, int width, int height) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-dev-shm-usage",
                // Chromium's own services (time, updates, autofill, sign-in, search preconnect) are not the page's requests:
                // switch off what can be switched off; ForeignRequestTrap.pageRequests() sets the rest aside.
                "--disable-default-apps", "--no-pings", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
                "--no-default-browser-check", "--disable-search-engine-choice-screen",
                "--disable-features=AutofillServerCommunication,OptimizationHints,OptimizationGuideModelDownloading,"
                        + "NetworkTimeServiceQuerying,MediaRouter,SigninInterceptBubble,PreconnectToSearch",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--lang=zh-CN",
                "--proxy-server=http://127.0.0.1:" + trapPort));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
