package org.tidemark.sensors.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.sensor.InMemoryObservationStore;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.data.sensor.JdbcObservationStore;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.sensors.SensorSettings;
import org.tidemark.sensors.SensorsModule;
import org.tidemark.sensors.TestStations;

/**
 * Benchmark (not a unit test; excluded from the default build, run with {@code bench/run.sh}): posts
 * readings over HTTP at a fixed rate while {@code clients} SSE clients are connected, and measures the
 * end-to-end latency from the start of the POST to each client receiving the observation event, plus
 * loss (events a client never received). Properties: {@code bench.rate} (readings/s, default 2000),
 * {@code bench.clients} (200), {@code bench.seconds} (20), {@code bench.batch} (200 readings per POST),
 * {@code bench.warmup} (5: seconds sent at the same rate first, checked for loss but left out of the
 * latency figures, because the JIT compiles the server's and the readers' paths in the first seconds).
 */
@Tag("benchmark")
@SpringBootTest(classes = LiveIngestBenchmark.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveIngestBenchmark {
    static final int STATIONS = 200;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SensorsModule.class)
    static class App {
        /** {@code bench.store}: {@code h2} (default: an H2 file, the embedded default), {@code pg} (TIDEMARK_TEST_PG_URL) or {@code memory}. */
        @Bean
        ObservationStore store() throws java.io.IOException {
            String kind = System.getProperty("bench.store", "h2");
            if (kind.equals("memory")) return new InMemoryObservationStore();
            com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
            if (kind.equals("pg")) {
                ds.setJdbcUrl(System.getenv("TIDEMARK_TEST_PG_URL"));
                try (var c = ds.getConnection(); var s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS sensor_observation, sensor_latest, sensor_alert");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tm-live-bench");
                ds.setJdbcUrl("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath());
            }
            return new JdbcObservationStore(ds);
        }

        @Bean
        AccessPolicy policy() { return AccessPolicy.OPEN; }

        @Bean
        SensorSettings settings() {
            return SensorSettings.defaults().withQueue(50_000, 2_000).withLive(20_000, 20_000, 1_000, Duration.ofSeconds(15));
        }

        @Bean
        LayerCatalog catalog() {
            GeometryFactory g = new GeometryFactory();
            List<Feature> features = new ArrayList<>();
            for (int i = 0; i < STATIONS; i++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("STCD", String.format("6399%04d", i));
                p.put("STNM", "站" + i);
                p.put("STTP", "ZZ");
                p.put("WRZ", 90.0);
                p.put("GRZ", 95.0);
                features.add(new Feature(String.format("6399%04d", i),
                        g.createPoint(new Coordinate(121.5 + i * 0.002, 29.2 + i * 0.001)), p));
            }
            FeatureType type = TestStations.TYPE;
            FeatureSource src = new FeatureSource() {
                public FeatureType type() { return type; }
                public FeatureCursor query(FeatureQuery q) { return FeatureCursor.of(features.iterator()); }
                public long count(FeatureQuery q) { return features.size(); }
                public Envelope extent() { return null; }
            };
            Layer layer = new Layer(type, TestStations.WATER, List.of(), "static", true, false, null);
            return new LayerCatalog() {
                public List<Layer> layers() { return List.of(layer); }
                public Optional<FeatureSource> source(String name) { return Optional.of(src); }
            };
        }
    }

    @LocalServerPort int port;

    @Test
    void sustainedIngestWithManySseClients() throws Exception {
        int rate = Integer.getInteger("bench.rate", 2000);
        int clients = Integer.getInteger("bench.clients", 200);
        int measured = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int seconds = warmup + measured;
        int batch = Integer.getInteger("bench.batch", 200);
        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        List<long[]> sentTimes = new ArrayList<>();
        List<AtomicLong> received = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        List<java.net.Socket> streams = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            // a lean SSE reader (raw socket, one thread per connection, like an MQTT client's): the JDK HttpClient
            // reads every connection on one selector thread and its line splitting cost more than the server
            java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
            socket.getOutputStream().write(("GET /api/live?types=observation HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            streams.add(socket);
            long[] lat = new long[rate * seconds + 1000];
            long[] sentTime = new long[lat.length];
            AtomicLong n = new AtomicLong();
            latencies.add(lat);
            sentTimes.add(sentTime);
            received.add(n);
            readers.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    SseLines.read(socket.getInputStream(), line -> {
                        if (!line.startsWith("data:")) return;
                        long now = System.nanoTime();
                        Long sent = sentAt.get(key(line));
                        int i = (int) n.getAndIncrement();
                        if (sent != null && i < lat.length) {
                            lat[i] = now - sent;
                            sentTime[i] = sent;
                        }
                    });
                } catch (java.io.IOException | RuntimeException e) {
                    // closed at the end
                }
            }));
        }
        Thread.sleep(500);
        Instant base = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long periodNanos = 1_000_000_000L * batch / rate;
        int batches = rate * seconds / batch;
        long start = System.nanoTime();
        int failures = 0;
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            long due = start + b * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            StringBuilder body = new StringBuilder("[");
            List<String> keys = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                int n = b * batch + i;
                String station = String.format("6399%04d", n % STATIONS);
                String time = base.plusMillis(n).toString();
                if (i > 0) body.append(',');
                body.append("{\"station\":\"").append(station).append("\",\"property\":\"Z\",\"time\":\"").append(time)
                        .append("\",\"value\":").append(1 + (n % 100) / 100.0).append('}');
                keys.add(station + "|" + time);
            }
            body.append(']');
            long t = System.nanoTime();
            for (String k : keys) sentAt.put(k, t);
            posts.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/sensors/observations")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var f : posts) if (f.get().statusCode() != 200) failures++;
        double elapsed = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000);
        int total = batches * batch;
        long steadyFrom = start + warmup * 1_000_000_000L;
        long[] all = inSendWindow(latencies, sentTimes, steadyFrom, Long.MAX_VALUE);
        long[] withWarmup = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(x -> x > 0)).sorted().toArray();
        long complete = received.stream().filter(n -> n.get() >= total).count();
        System.out.printf("BENCH store=" + System.getProperty("bench.store", "h2") + " readings=%d in %.1f s = %.0f/s, POST failures=%d, clients=%d, complete clients=%d, "
                        + "events=%d; after %d s warm-up: latency ms p50=%.1f p99=%.1f max=%.1f; whole run p99=%.1f%n", total, elapsed,
                total / elapsed, failures, clients, complete, withWarmup.length, warmup, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, pct(withWarmup, 0.99));
        // the tail, second by second of sending: does it come from warm-up, from pauses, or from everywhere?
        StringBuilder perSecond = new StringBuilder("BENCH p99 by second sent:");
        for (int sec = 0; sec < seconds; sec++) {
            long from = start + sec * 1_000_000_000L, to = from + 1_000_000_000L;
            long[] sorted = inSendWindow(latencies, sentTimes, from, to);
            perSecond.append(String.format(" %.0f", pct(sorted, 0.99)));
        }
        System.out.println(perSecond);
        for (java.net.Socket sk : streams) sk.close();
        readers.forEach(Thread::interrupt);
    }

    /** The latencies of events sent in [from, to), sorted. */
    private static long[] inSendWindow(List<long[]> latencies, List<long[]> sentTimes, long from, long to) {
        java.util.stream.LongStream.Builder in = java.util.stream.LongStream.builder();
        for (int c = 0; c < latencies.size(); c++) {
            long[] lat = latencies.get(c), st = sentTimes.get(c);
            for (int i = 0; i < lat.length; i++) if (lat[i] > 0 && st[i] >= from && st[i] < to) in.add(lat[i]);
        }
        return in.build().sorted().toArray();
    }

    private static String key(String dataLine) {
        int s = dataLine.indexOf("\"STCD\":\"") + 8;
        int t = dataLine.indexOf("\"TM\":\"") + 6;
        return dataLine.substring(s, dataLine.indexOf('"', s)) + "|" + dataLine.substring(t, dataLine.indexOf('"', t));
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
