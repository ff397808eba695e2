package org.tidemark.sensors.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal server-sent-events reader for tests: collects events and comments from a live response. */
final class SseClient implements AutoCloseable {
    record Event(String id, String name, String data) {}

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    final HttpResponse<Stream<String>> response;
    private final Thread reader;

    SseClient(HttpClient http, URI uri, String lastEventId, String principal) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
        if (principal != null) b.header("X-Test-Principal", principal);
        response = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        reader = Thread.ofVirtual().start(() -> {
            String id = null, name = null;
            List<String> data = new ArrayList<>();
            try {
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) events.add(new Event(id, name == null ? "message" : name, String.join("\n", data)));
                        id = null;
                        name = null;
                        data.clear();
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1).trim());
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    }
                }
            } catch (RuntimeException e) {
                // stream closed
            }
        });
    }

    /**
     * Opens a stream, waiting while the server still counts streams that an earlier test closed (it notices a
     * closed client only when a heartbeat write fails, and answers 503 until then).
     */
    static SseClient whenFree(HttpClient http, URI uri, String lastEventId, String principal) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        while (true) {
            SseClient c = new SseClient(http, uri, lastEventId, principal);
            if (c.response.statusCode() == 200) return c;
            c.close();
            if (c.response.statusCode() != 503 || System.nanoTime() > end) {
                throw new AssertionError("SSE refused with " + c.response.statusCode());
            }
            Thread.sleep(100);
        }
    }

    Event next() throws InterruptedException {
        Event e = events.poll(10, TimeUnit.SECONDS);
        if (e == null) throw new AssertionError("no SSE event within 10 s");
        return e;
    }

    /** The next event with the given name, skipping others. */
    Event next(String name) throws InterruptedException {
        while (true) {
            Event e = next();
            if (e.name().equals(name)) return e;
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
