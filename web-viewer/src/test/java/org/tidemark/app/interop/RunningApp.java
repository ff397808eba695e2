package org.tidemark.app.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.tidemark.app.TidemarkApplication;

/**
 * The whole application on the Xiangshan demo data (no live feed) in a temporary directory, on a random port.
 * The interop test classes extend this one so that Spring's test context cache starts the application once for
 * all of them; the directory is removed when the JVM exits.
 */
@SpringBootTest(classes = TidemarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningApp {
    static final Path DATA;
    static {
        try {
            DATA = Files.createTempDirectory("tidemark-interop");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                FileSystemUtils.deleteRecursively(DATA);
            } catch (IOException ignored) {
                // a temporary directory; the OS cleans it eventually
            }
        }));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("tidemark.data-dir", DATA::toString);
        r.add("tidemark.demo.feed", () -> "false");
        r.add("tidemark.db.url", () -> "");
    }

    @LocalServerPort
    int port;

    String base() {
        return "http://127.0.0.1:" + port;
    }
}
