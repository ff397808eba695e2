package org.tidemark.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the whole-application integration tests: the app on the embedded store with the Xiangshan demo
 * data in one temporary directory, the simulated feed off. All subclasses share one Spring context (and so
 * one server and one demo load), because they inherit the same configuration.
 */
@SpringBootTest(classes = TidemarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DemoApplicationTest {
    protected static final Path DATA;
    /** The sign-in token secret of the test application (so tests can mint expired tokens). */
    protected static final String TOKEN_SECRET = "integration-test-secret";

    static {
        try {
            DATA = Files.createTempDirectory("tidemark-app-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void demoApplicationProperties(DynamicPropertyRegistry r) {
        r.add("tidemark.data-dir", DATA::toString);
        r.add("tidemark.demo.feed", () -> "false");
        r.add("tidemark.db.url", () -> "");
        r.add("tidemark.security.token-secret", () -> TOKEN_SECRET);
    }
}
