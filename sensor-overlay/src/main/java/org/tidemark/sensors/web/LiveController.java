package org.tidemark.sensors.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.sensors.SensorSettings;
import org.tidemark.sensors.live.GaugeAccess;
import org.tidemark.sensors.live.LiveBus;
import org.tidemark.sensors.model.StationRegistry;

/**
 * {@code GET /api/live}: server-sent events (HTML Living Standard §9.2 "Server-sent events") with event
 * names {@code observation}, {@code status}, {@code alert} (and {@code reset} when a resume point is too
 * old). A comment goes out at subscribe time so headers are sent at once; a heartbeat comment follows
 * every few seconds so dead clients are detected. {@code Last-Event-ID} (or {@code lastEventId}) resumes
 * from the replay buffer. Filters: {@code layer} (only {@code gauges}), {@code types}, {@code bbox}
 * (lon/lat), {@code station}. Every event passes the access gate for the caller; connections are bounded.
 */
@RestController
public class LiveController implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LiveController.class);

    private final LiveBus bus;
    private final GaugeAccess access;
    private final SensorSettings settings;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final LivePump<byte[]> pump;
    private volatile boolean running;

    public LiveController(LiveBus bus, GaugeAccess access, StationRegistry stations, SensorSettings settings) {
        this.bus = bus;
        this.access = access;
        this.settings = settings;
        this.pump = new LivePump<>(stations, new LiveFrames<>(settings.replaySize() + settings.clientQueueSize(), LiveFrames::sse),
                settings.heartbeat().toMillis());
    }

    @GetMapping(path = "/api/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter live(@RequestParam(name = "layer", required = false) String layer,
                           @RequestParam(name = "types", required = false) String types,
                           @RequestParam(name = "bbox", required = false) String bbox,
                           @RequestParam(name = "station", required = false) String station,
                           @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
                           @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                           HttpServletRequest request) throws IOException {
        LiveSelection selection = LiveSelection.parse(layer, types, bbox, station);
        GaugeAccess.Followed followed = access.follow(Principals.of(request), Principals.credential(request));
        GaugeAccess.View view = followed.current();
        if (!view.visible()) throw GeoServiceException.notFound("layer", "no live layer gauges");
        long lastId = LiveSelection.parseId(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
        if (open.incrementAndGet() > settings.maxSseClients()) {
            open.decrementAndGet();
            throw new GeoServiceException(GeoServiceException.Kind.UNAVAILABLE, "Overloaded", null,
                    "too many live connections");
        }
        SseEmitter emitter = new SseEmitter(settings.sseTimeout().toMillis());
        LiveBus.Subscription sub = bus.subscribe(lastId);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable release = () -> {
            if (closed.compareAndSet(false, true)) {
                sub.close();
                emitters.remove(emitter);
                open.decrementAndGet();
            }
        };
        emitters.add(emitter);
        emitter.onCompletion(release);
        emitter.onTimeout(release);
        emitter.onError(t -> release.run());
        try {
            emitter.send(SseEmitter.event().reconnectTime(3_000).comment("tidemark live gauges"));
        } catch (IOException | IllegalStateException e) {
            release.run();
            throw e;
        }
        Thread.ofVirtual().name("sse-" + request.getRemoteAddr()).start(() -> pump(emitter, sub, followed, selection, closed, release));
        return emitter;
    }

    /** Streams events to one client through the shared {@link LivePump}; the stream ends on the pump's word. */
    private void pump(SseEmitter emitter, LiveBus.Subscription sub, GaugeAccess.Followed followed, LiveSelection selection,
                      AtomicBoolean closed, Runnable release) {
        try {
            pump.run(sub, followed, selection, new LivePump.Transport<>() {
                public boolean isOpen() { return !closed.get(); }

                public void heartbeat() throws IOException { emitter.send(SseEmitter.event().comment("heartbeat")); }

                public void send(List<byte[]> frames) throws IOException {   // one write and flush for the whole batch
                    java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
                    for (byte[] f : frames) text.writeBytes(f);
                    emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(text.toByteArray(), MediaType.TEXT_EVENT_STREAM)));
                }

                public void end(LivePump.End why) {}   // lost access or fell behind: completed below; the client reconnects
            });
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("live client gone: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release.run();
        }
    }

    /** Currently open live connections. */
    public int openConnections() { return open.get(); }

    @Override
    public void start() { running = true; }

    /**
     * Ends every live stream when the application stops, before the web server's graceful shutdown
     * (which would otherwise wait for these never-ending responses); clients reconnect elsewhere.
     */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter e : emitters) {
            try {
                e.complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
        emitters.clear();
    }

    @Override
    public boolean isRunning() { return running; }

    @Override
    public int getPhase() { return Integer.MAX_VALUE; }
}
