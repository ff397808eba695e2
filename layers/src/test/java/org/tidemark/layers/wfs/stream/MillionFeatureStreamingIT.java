package org.tidemark.layers.wfs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #4: "everything streams with constant memory: a 1,000,000-feature GetFeature must complete with -Xmx256m".
 * The WFS and OGC API services run in their own JVM with a 256 MB heap ({@code -XX:+ExitOnOutOfMemoryError}, so a
 * response that buffers dies instead of limping on) over a generated 1,000,000-point layer; one GetFeature returns
 * all of it as GML 3.2 and as GeoJSON (each far larger than the heap), and every feature is counted on arrival.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MillionFeatureStreamingIT {
    static final int FEATURES = 1_000_000;
    static final String HEAP = "-Xmx256m";

    Process server;
    final ConcurrentLinkedQueue<String> serverLog = new ConcurrentLinkedQueue<>();
    String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    void startServer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        server = new ProcessBuilder(List.of(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-cp", classPath, StreamingServer.class.getName(), Integer.toString(FEATURES)))
                .redirectErrorStream(true).start();
        CompletableFuture<String> port = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("streaming-server-log").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("LISTENING ")) port.complete(line.substring(10).trim());
                    else if (serverLog.size() < 200) serverLog.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("the server exited: " + String.join("\n", serverLog)));
        });
        base = "http://127.0.0.1:" + port.get(180, TimeUnit.SECONDS);
    }

    @AfterAll
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    @Test
    void gml32GetFeatureOfAMillionFeaturesCompletesIn256Mb() throws Exception {
        Counted c = getFeature("", "<wfs:member>");
        assertThat(c.head()).contains("numberMatched=\"" + FEATURES + "\"").contains("numberReturned=\"" + FEATURES + "\"");
        assertThat(c.tail()).endsWith("</wfs:FeatureCollection>");
        assertThat(c.occurrences()).isEqualTo(FEATURES);
        assertThat(c.bytes()).as("the response is far larger than the server's heap").isGreaterThan(256L << 20);
        assertServerAlive();
    }

    @Test
    void geoJsonGetFeatureOfAMillionFeaturesCompletesIn256Mb() throws Exception {
        Counted c = getFeature("&OUTPUTFORMAT=application/json", "\"type\":\"Feature\"");
        assertThat(c.head()).contains("\"numberMatched\":" + FEATURES).contains("\"numberReturned\":" + FEATURES);
        assertThat(c.tail().strip()).endsWith("}");
        assertThat(c.occurrences()).isEqualTo(FEATURES);
        assertServerAlive();
    }

    private void assertServerAlive() {
        assertThat(server.isAlive()).as("the server survived; its log: %s", serverLog).isTrue();
    }

    private Counted getFeature(String extra, String marker) throws Exception {
        URI uri = URI.create(base + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=tm:million&COUNT=" + FEATURES + extra);
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        long started = System.nanoTime();
        try (InputStream in = r.body()) {
            Counted c = Counted.of(in, marker.getBytes(StandardCharsets.UTF_8));
            System.out.printf("GetFeature%s: %,d features, %,d bytes in %.1f s with %s%n", extra, c.occurrences(), c.bytes(),
                    (System.nanoTime() - started) / 1e9, HEAP);
            return c;
        }
    }

    /** Occurrences of a marker in a stream read once, in 64 KB chunks, plus its first and last bytes. */
    record Counted(long occurrences, long bytes, String head, String tail) {
        static Counted of(InputStream in, byte[] marker) throws IOException {
            byte[] buf = new byte[65536];
            byte[] last = new byte[256];
            StringBuilder head = new StringBuilder();
            long count = 0, bytes = 0;
            int matched = 0, lastLen = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                if (head.length() < 1024) head.append(new String(buf, 0, Math.min(n, 1024), StandardCharsets.UTF_8));
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    // the markers have no proper prefix that is also a suffix, so a mismatch restarts the match
                    if (b == marker[matched]) {
                        if (++matched == marker.length) {
                            count++;
                            matched = 0;
                        }
                    } else {
                        matched = b == marker[0] ? 1 : 0;
                    }
                }
                bytes += n;
                if (n >= last.length) {
                    System.arraycopy(buf, n - last.length, last, 0, last.length);
                    lastLen = last.length;
                } else {
                    int keep = Math.min(lastLen, last.length - n);
                    System.arraycopy(last, lastLen - keep, last, 0, keep);
                    System.arraycopy(buf, 0, last, keep, n);
                    lastLen = keep + n;
                }
            }
            return new Counted(count, bytes, head.toString(), new String(last, 0, lastLen, StandardCharsets.UTF_8));
        }
    }
}
