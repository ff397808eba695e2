package org.tidemark.app.sensors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Sustained HTTP ingest for fault tests: one sender per station, each posting batches of supply-voltage
 * readings ({@code VT}) at consecutive seconds after {@code base}, one batch after the other. A batch
 * counts as acknowledged only on a 2xx answer; 503 answers are retried after their {@code Retry-After}
 * (the same batch, so nothing is skipped); a broken connection (the server died) ends that sender.
 */
final class IngestLoad {
    static final String KEY = "demo-water-telemetry";

    private final Supplier<String> base;
    private final List<String> stations;
    private final Instant t0;
    private final int batch;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Set<Instant>> acked = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger refusalsWithoutRetryAfter = new AtomicInteger();
    private final AtomicInteger connectionErrors = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> senders = new ArrayList<>();

    /** @param base the app's base URL, read before every request (it may change across a restart) */
    IngestLoad(Supplier<String> base, List<String> stations, Instant t0, int batch) {
        this.base = base;
        this.stations = stations;
        this.t0 = t0;
        this.batch = batch;
        for (String s : stations) acked.put(s, new ConcurrentSkipListSet<>());
    }

    /**
     * Starts the senders. With {@code retryUntilAcknowledged} a sender keeps retrying a refused batch (and
     * survives connection errors) until it is acknowledged, even after {@link #stop()}; without it a sender
     * ends at its first connection error.
     */
    void start(boolean retryUntilAcknowledged) {
        for (String station : stations) {
            senders.add(Thread.ofPlatform().name("ingest-" + station).daemon().start(() -> send(station, retryUntilAcknowledged)));
        }
    }

    private void send(String station, boolean persistent) {
        for (int n = 0; !stop.get(); n++) {
            String body = body(station, n);
            while (true) {
                int status;
                String retryAfter;
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base.get() + "/api/sensors/observations"))
                                    .timeout(Duration.ofSeconds(90)).header("Content-Type", "application/json")
                                    .header("X-API-Key", KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode();
                    retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                } catch (IOException e) {
                    connectionErrors.incrementAndGet();
                    if (!persistent) return;
                    pause(500);
                    continue;
                } catch (InterruptedException e) {
                    return;
                }
                statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                if (status / 100 == 2) {
                    for (int k = 0; k < batch; k++) acked.get(station).add(time(n, k));
                    break;
                }
                if (status != 503 && status != 429) return;   // counted; the test fails on it
                if (retryAfter == null) refusalsWithoutRetryAfter.incrementAndGet();
                pause(retryAfter == null ? 1000 : Math.min(2_000, Long.parseLong(retryAfter.trim()) * 1000));
            }
        }
    }

    private Instant time(int batchNo, int k) { return t0.plusSeconds((long) batchNo * batch + k); }

    private String body(String station, int n) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < batch; k++) {
            if (k > 0) b.append(',');
            b.append("{\"station\":\"").append(station).append("\",\"property\":\"VT\",\"time\":\"").append(time(n, k))
                    .append("\",\"value\":").append(12 + (n % 10) / 10.0).append(",\"unit\":\"V\"}");
        }
        return b.append(']').toString();
    }

    /** Asks the senders to end after their current batch. */
    void stop() { stop.set(true); }

    /** Waits for every sender to end. */
    void join(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (Thread t : senders) {
            long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
            if (!t.join(Duration.ofMillis(left))) throw new AssertionError("a sender did not finish within " + timeout);
        }
    }

    /** The readings the server acknowledged with 2xx, per station. */
    Map<String, Set<Instant>> acknowledged() { return acked; }

    int acknowledgedCount() { return acked.values().stream().mapToInt(Set::size).sum(); }

    /** How many answers had each status. */
    int count(int status) { return statuses.getOrDefault(status, new AtomicInteger()).get(); }

    Set<Integer> statuses() { return statuses.keySet(); }

    int refusalsWithoutRetryAfter() { return refusalsWithoutRetryAfter.get(); }

    int connectionErrors() { return connectionErrors.get(); }

    HttpClient http() { return http; }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
