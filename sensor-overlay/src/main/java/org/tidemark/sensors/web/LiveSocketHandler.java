package org.tidemark.sensors.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.sensors.SensorSettings;
import org.tidemark.sensors.live.GaugeAccess;
import org.tidemark.sensors.live.LiveBus;
import org.tidemark.sensors.model.StationRegistry;

/**
 * {@code /api/live/ws}: the live gauge events over WebSocket (RFC 6455), for clients that prefer it to
 * server-sent events. Same events, same filters ({@code layer}, {@code types}, {@code bbox}, {@code station})
 * and same access gate per principal as {@code GET /api/live} (both use {@link LiveSelection}); resume with
 * {@code lastEventId} (browsers cannot set headers on a WebSocket). Each event is one text message
 * {@code {"id":"…","type":"…","data":{…}}}. A ping goes out every heartbeat interval, so dead peers are
 * found; each client has the bus's bounded queue and is closed with 1013 (try again later) when it falls
 * behind, and connections are bounded by {@code maxSseClients} (503 at the handshake beyond it).
 */
public final class LiveSocketHandler extends TextWebSocketHandler implements HandshakeInterceptor, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LiveSocketHandler.class);
    private static final String VIEW = "tidemark.live.view", SELECTION = "tidemark.live.selection",
            LAST_ID = "tidemark.live.lastId", COUNTED = "tidemark.live.counted",
            RESERVED = "tidemark.live.reserved";

    private final LiveBus bus;
    private final GaugeAccess access;
    private final SensorSettings settings;
    private final AtomicInteger open = new AtomicInteger();
    private final LivePump<String> pump;
    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, LiveBus.Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile boolean running;

    public LiveSocketHandler(LiveBus bus, GaugeAccess access, StationRegistry stations, SensorSettings settings) {
        this.bus = bus;
        this.access = access;
        this.settings = settings;
        this.pump = new LivePump<>(stations, new LiveFrames<>(settings.replaySize() + settings.clientQueueSize(), LiveFrames::socket),
                settings.heartbeat().toMillis());
    }

    /** Validates the request, applies the gate and the connection bound before the upgrade (errors as problem+json). */
    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        if (!(request instanceof ServletServerHttpRequest servlet)) return false;
        HttpServletRequest r = servlet.getServletRequest();
        try {
            LiveSelection selection = LiveSelection.parse(r.getParameter("layer"), r.getParameter("types"),
                    r.getParameter("bbox"), r.getParameter("station"));
            GaugeAccess.Followed view = access.follow(Principals.of(r), Principals.credential(r));
            if (!view.current().visible()) throw GeoServiceException.notFound("layer", "no live layer gauges");
            // the slot is taken here, before the 101 goes out: a client that opens sockets one after another
            // must not get more than the bound accepted only to see the extra ones closed again
            if (open.incrementAndGet() > settings.maxSseClients() || !running) {
                open.decrementAndGet();
                response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
                return refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "too many live connections");
            }
            r.setAttribute(RESERVED, Boolean.TRUE);
            attributes.put(COUNTED, Boolean.TRUE);
            attributes.put(SELECTION, selection);
            attributes.put(VIEW, view);
            attributes.put(LAST_ID, LiveSelection.parseId(r.getParameter("lastEventId")));
            return true;
        } catch (GeoServiceException e) {
            HttpStatus status = e.kind() == GeoServiceException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
            return refuse(response, status, e.getMessage());
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // a handshake that failed after the slot was taken gives it back (no session will ever close it)
        if (exception != null && request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(RESERVED) != null) {
            servlet.getServletRequest().removeAttribute(RESERVED);
            open.decrementAndGet();
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        if (!running) {   // stopping: the slot taken at the handshake is given back when the session closes
            session.close(CloseStatus.GOING_AWAY);
            return;
        }
        LiveBus.Subscription sub = bus.subscribe((Long) session.getAttributes().get(LAST_ID));
        subscriptions.put(session.getId(), sub);
        sessions.put(session.getId(), session);
        GaugeAccess.Followed view = (GaugeAccess.Followed) session.getAttributes().get(VIEW);
        LiveSelection selection = (LiveSelection) session.getAttributes().get(SELECTION);
        Thread.ofVirtual().name("ws-live-" + session.getId()).start(() -> pump(session, sub, view, selection));
    }

    /** Sends events to one client through the shared {@link LivePump}; the socket is closed with the pump's reason. */
    private void pump(WebSocketSession session, LiveBus.Subscription sub, GaugeAccess.Followed followed, LiveSelection selection) {
        try {
            pump.run(sub, followed, selection, new LivePump.Transport<>() {
                public boolean isOpen() { return session.isOpen(); }

                public void heartbeat() throws IOException { session.sendMessage(new PingMessage()); }

                public void send(List<String> frames) throws IOException {
                    for (String f : frames) session.sendMessage(new TextMessage(f));
                }

                public void end(LivePump.End why) throws IOException {
                    session.close(why == LivePump.End.ACCESS_ENDED
                            ? CloseStatus.POLICY_VIOLATION.withReason("access to the gauges layer ended")
                            : CloseStatus.SERVICE_OVERLOAD.withReason("client fell behind; resume with lastEventId"));
                }
            });
        } catch (IOException | IllegalStateException e) {
            log.debug("live WebSocket client gone: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sub.close();
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        LiveBus.Subscription sub = subscriptions.remove(session.getId());
        if (sub != null) sub.close();
        sessions.remove(session.getId());
        if (session.getAttributes().remove(COUNTED) != null) open.decrementAndGet();
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("live WebSocket transport error: {}", exception.toString());
    }

    /** Open live WebSocket connections. */
    public int openConnections() { return open.get(); }

    @Override
    public void start() { running = true; }

    /** Closes every live socket with 1001 (going away) when the application stops; clients reconnect elsewhere. */
    @Override
    public void stop() {
        running = false;
        for (WebSocketSession s : Set.copyOf(sessions.values())) {
            try {
                s.close(CloseStatus.GOING_AWAY);
            } catch (IOException | RuntimeException ignored) {
                // already closed
            }
        }
    }

    @Override
    public boolean isRunning() { return running; }

    @Override
    public int getPhase() { return Integer.MAX_VALUE; }

    private static boolean refuse(ServerHttpResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":" + JsonText.quote(status.getReasonPhrase()) + ",\"status\":"
                + status.value() + ",\"detail\":" + JsonText.quote(detail) + "}";
        response.getBody().write(body.getBytes(StandardCharsets.UTF_8));
        return false;
    }
}
