package org.tidemark.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds and runs the real OGC clients (GDAL/OGR command-line tools, OWSLib under {@code /usr/bin/python3}) that
 * the interop tests drive. A missing tool skips the test, unless {@code TIDEMARK_REQUIRE_INTEGRATION=true}
 * (CI), where it fails it.
 */
final class ExternalTools {
    /** OWSLib imports only under the system interpreter on these machines (see notes/clients.md). */
    static final String PYTHON = "/usr/bin/python3";
    static final boolean REQUIRED = "true".equalsIgnoreCase(System.getenv("TIDEMARK_REQUIRE_INTEGRATION"));
    private static final long TIMEOUT_SECONDS = 120;

    private ExternalTools() {}

    /** Debian package {@code gdal-bin}. */
    static boolean gdalPresent() {
        return onPath("ogrinfo") && onPath("ogr2ogr") && onPath("gdal_translate");
    }

    /** Debian package {@code python3-owslib}. */
    static boolean owslibPresent() {
        if (!Files.isExecutable(Path.of(PYTHON))) return false;
        try {
            return run(List.of(PYTHON, "-c", "import owslib")).exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean anyPresent() {
        return REQUIRED || gdalPresent() || owslibPresent();
    }

    static void assumeGdal() {
        require(gdalPresent(), "GDAL command-line tools (Debian package gdal-bin)");
    }

    static void assumeOwslib() {
        require(owslibPresent(), "OWSLib under " + PYTHON + " (Debian package python3-owslib)");
    }

    private static void require(boolean present, String what) {
        if (REQUIRED) assertThat(present).as(what + " must be installed when TIDEMARK_REQUIRE_INTEGRATION=true").isTrue();
        Assumptions.assumeTrue(present, what + " not installed");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    record Result(int exitCode, String output) {
        Result ok(List<String> command) {
            assertThat(exitCode).as("%s failed:%n%s", String.join(" ", command), output).isZero();
            return this;
        }
    }

    /** Runs a command with a bounded wait; stdout and stderr are merged. The loopback is never proxied. */
    static Result run(List<String> command) {
        try {
            Path log = Files.createTempFile("tidemark-tool", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
                pb.environment().put("no_proxy", "127.0.0.1,localhost");
                pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
