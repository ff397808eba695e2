package org.tidemark.app.sensors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged application (the web-viewer jar built in the package phase, before failsafe runs) as a
 * child process on a free port, so a test can {@link #kill() kill -9} it and start it again on the same
 * data directory. The child's output goes to a log file in the data directory; the port is read from
 * Tomcat's start-up line.
 */
final class AppProcess implements AutoCloseable {
    private static final Pattern STARTED_PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final long START_TIMEOUT_MS = 6 * 60_000L;   // first start generates the demo data; CI is slow

    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the app with {@code --tidemark.data-dir=dataDir}, no demo feed, any free port, plus {@code args}. */
    static AppProcess start(Path dataDir, String... args) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path log = Files.createTempFile(dataDir, "app-", ".log");
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx700m", "-XX:+UseSerialGC",
                "-jar", jar().toString(), "--server.port=0", "--tidemark.data-dir=" + dataDir,
                "--tidemark.demo.feed=false", "--logging.level.root=INFO"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        long end = System.currentTimeMillis() + START_TIMEOUT_MS;
        Integer port = null;
        while (System.currentTimeMillis() < end) {
            String text = Files.readString(log);
            if (port == null) {
                Matcher m = STARTED_PORT.matcher(text);
                if (m.find()) port = Integer.parseInt(m.group(1));
            }
            if (port != null && text.contains("Started TidemarkApplication")) return new AppProcess(p, log, port);
            if (!p.isAlive()) throw new IllegalStateException("the app exited with " + p.exitValue() + ":\n" + tail(log));
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the app did not start within " + START_TIMEOUT_MS / 1000 + " s:\n" + tail(log));
    }

    int port() { return port; }

    String base() { return "http://127.0.0.1:" + port; }

    long pid() { return process.pid(); }

    /** SIGKILL (on Linux {@link Process#destroyForcibly} sends signal 9): no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("the app survived kill -9");
    }

    /** The last lines of the app's log, for failure messages. */
    String logTail() { return tail(log); }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code target/web-viewer-<version>.jar} of this module (failsafe runs in the module directory). */
    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.map(Path::toAbsolutePath).filter(f -> f.getFileName().toString().matches("web-viewer-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no packaged web-viewer jar in target/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
