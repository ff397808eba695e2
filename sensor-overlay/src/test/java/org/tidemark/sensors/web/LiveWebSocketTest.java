package org.tidemark.sensors.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tidemark.sensors.TestStations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/live/ws} on a real embedded server (the same application as {@link SensorApiTest}): the same
 * events as the SSE stream, the access gate per principal, the filters, resume by {@code lastEventId},
 * handshake errors, heartbeat pings and the connection bound.
 */
@SpringBootTest(classes = SensorApiTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveWebSocketTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong CLOCK = new AtomicLong();

    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Collects the text messages of one socket (one JSON event each). */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final AtomicInteger pings = new AtomicInteger();
        final StringBuilder partial = new StringBuilder();
        volatile int closeCode = -1;
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            pings.incrementAndGet();
            ws.request(1);
            return null;   // the JDK client answers with a pong itself
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        /** The next event of the given type, skipping others. */
        JsonNode next(String type) throws InterruptedException {
            while (true) {
                JsonNode m = messages.poll(10, TimeUnit.SECONDS);
                if (m == null) throw new AssertionError("no WebSocket event '" + type + "' within 10 s");
                if (m.get("type").asString().equals(type)) return m;
            }
        }
    }

    private Client open(String query, String principal) {
        Client c = new Client();
        WebSocket.Builder b = http.newWebSocketBuilder();
        if (principal != null) b.header("X-Test-Principal", principal);
        c.socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/live/ws" + query), c).join();
        return c;
    }

    /** Opens a socket, waiting while the server still counts sockets other tests closed (503). */
    private Client openWhenFree(String query, String principal) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                return open(query, principal);
            } catch (CompletionException e) {
                boolean busy = e.getCause() instanceof WebSocketHandshakeException h && h.getResponse().statusCode() == 503;
                if (!busy || System.nanoTime() > end) throw e;
                Thread.sleep(100);
            }
        }
    }

    private int refusedStatus(String query, String principal) {
        try {
            open(query, principal).socket.abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) return h.getResponse().statusCode();
            throw e;
        }
    }

    /** A reading at a time no other test uses (readings are idempotent on station + property + time). */
    private void post(String station, String property, double value) throws Exception {
        Instant t = Instant.now().minusSeconds(60).plusMillis(CLOCK.incrementAndGet());
        String body = "[{\"station\":\"" + station + "\",\"property\":\"" + property + "\",\"time\":\"" + t + "\",\"value\":" + value + "}]";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sensors/observations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void deliversTheSameEventsAsServerSentEventsThroughTheGateAndTheFilters() throws Exception {
        Client all = openWhenFree("", null);
        Client riverOnly = openWhenFree("?types=observation", "river-only");
        Client farBox = openWhenFree("?bbox=121.9,28.8,122.1,29.0&types=observation", null);   // only the far station
        try (SseClient sse = SseClient.whenFree(http, URI.create("http://127.0.0.1:" + port + "/api/live?types=observation"), null, null)) {
            assertThat(sse.comments.poll(5, TimeUnit.SECONDS)).isNotNull();
            post(TestStations.TIDE, "TDZ", 1.1);
            post(TestStations.RIVER, "Z", 2.0);
            post(TestStations.FAR, "Z", 1.0);

            JsonNode tide = all.next("observation");
            SseClient.Event tideSse = sse.next("observation");
            assertThat(tide.get("id").asString()).isEqualTo(tideSse.id());
            assertThat(tide.get("data")).isEqualTo(JSON.readTree(tideSse.data()));
            assertThat(tide.get("data").get("STCD").asString()).isEqualTo(TestStations.TIDE);
            assertThat(all.next("observation").get("data").get("STCD").asString()).isEqualTo(TestStations.RIVER);

            assertThat(riverOnly.next("observation").get("data").get("STCD").asString()).isEqualTo(TestStations.RIVER);
            assertThat(farBox.next("observation").get("data").get("STCD").asString()).isEqualTo(TestStations.FAR);
            post(TestStations.RIVER, "Z", 2.1);
            assertThat(riverOnly.next("observation").get("data").get("value").asDouble()).isEqualTo(2.1);
            assertThat(farBox.messages).as("nothing outside the box").isEmpty();
            assertThat(riverOnly.messages).as("nothing the gate hides").isEmpty();
        } finally {
            for (Client c : List.of(all, riverOnly, farBox)) c.socket.abort();
        }
    }

    @Test
    void resumesAfterTheLastEventIdWithoutAGap() throws Exception {
        Client first = openWhenFree("?types=observation", null);
        post(TestStations.RESERVOIR, "RZ", 20.0);
        post(TestStations.RESERVOIR, "RZ", 20.1);
        JsonNode a = first.next("observation");
        JsonNode b = first.next("observation");
        first.socket.abort();
        Client resumed = openWhenFree("?types=observation&lastEventId=" + a.get("id").asString(), null);
        try {
            assertThat(resumed.next("observation").get("id").asString()).isEqualTo(b.get("id").asString());
        } finally {
            resumed.socket.abort();
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffOnceItsQueueOverflowsAndResumesWithAReset() throws Exception {
        try (RawSocketClient slow = RawSocketClient.open(port, "/api/live/ws?types=observation")) {
            // it reads nothing while far more readings arrive than its small socket buffer and its queue
            // (1,000 + 50 replay) hold: the server's writes block, the queue overflows
            List<Instant> posted = new ArrayList<>();
            while (posted.size() < 12_000) posted.addAll(postMany(TestStations.RIVER, "Z", 30));
            List<Long> ids = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            int closeCode = slow.readUntilClose(m -> {
                JsonNode event = JSON.readTree(m);
                if (!event.get("type").asString().equals("observation")) return;
                ids.add(event.get("id").asLong());
                times.add(Instant.parse(event.get("data").get("TM").asString()));
            }, 60);
            assertThat(closeCode).as("closed by the server with 'try again later'").isEqualTo(1013);
            assertThat(ids).isNotEmpty().isSorted().doesNotHaveDuplicates().hasSizeLessThan(posted.size());
            assertThat(times).as("what it got is the first readings, in order, without a gap")
                    .isEqualTo(posted.subList(0, times.size()));
            Client resumed = openWhenFree("?types=observation&lastEventId=" + ids.get(ids.size() - 1), null);
            try {
                assertThat(resumed.next("reset")).as("told it missed more than the replay holds").isNotNull();
            } finally {
                resumed.socket.abort();
            }
        }
    }

    /** Posts {@code n} readings of one station in one request, at increasing times; returns the times. */
    private List<Instant> postMany(String station, String property, int n) throws Exception {
        StringBuilder body = new StringBuilder("[");
        List<Instant> times = new ArrayList<>();
        Instant base = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (int i = 0; i < n; i++) {
            Instant t = base.plusMillis(CLOCK.incrementAndGet());
            times.add(t);
            if (i > 0) body.append(',');
            body.append("{\"station\":\"").append(station).append("\",\"property\":\"").append(property)
                    .append("\",\"time\":\"").append(t).append("\",\"value\":1.0}");
        }
        body.append(']');
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sensors/observations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return times;
    }

    @Test
    void refusesWhatSseRefusesAtTheHandshake() {
        assertThat(refusedStatus("", "outsider")).isEqualTo(404);
        assertThat(refusedStatus("?layer=buildings", null)).isEqualTo(404);
        assertThat(refusedStatus("?types=everything", null)).isEqualTo(400);
        assertThat(refusedStatus("?bbox=1,2,3", null)).isEqualTo(400);
    }

    @Test
    void refusesPagesOfOtherOrigins() {
        // a page elsewhere must not open the stream with a signed-in user's credentials (cross-site WebSocket hijacking)
        int status;
        try {
            http.newWebSocketBuilder().header("Origin", "http://elsewhere.example")
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/live/ws"), new Client()).join().abort();
            status = 101;
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof WebSocketHandshakeException h)) throw e;
            status = h.getResponse().statusCode();
        }
        assertThat(status).isEqualTo(403);
    }

    @Test
    void pingsIdleClients() throws Exception {
        Client c = openWhenFree("?types=alert", null);
        try {
            long end = System.nanoTime() + 10_000_000_000L;
            while (c.pings.get() == 0 && System.nanoTime() < end) Thread.sleep(50);
            assertThat(c.pings.get()).isPositive();
        } finally {
            c.socket.abort();
        }
    }

    @Test
    void connectionsAreBounded() throws InterruptedException {
        List<Client> open = new ArrayList<>();
        int refused = 0;
        try {
            open.add(openWhenFree("?types=alert", null));
            for (int i = 0; i < 25 && refused == 0; i++) {
                try {
                    open.add(open("?types=alert", null));
                } catch (CompletionException e) {
                    if (!(e.getCause() instanceof WebSocketHandshakeException h)) throw e;
                    refused = h.getResponse().statusCode();
                }
            }
            assertThat(open).hasSizeLessThanOrEqualTo(20);
            assertThat(refused).isEqualTo(503);
        } finally {
            open.forEach(c -> c.socket.abort());
        }
    }
}
