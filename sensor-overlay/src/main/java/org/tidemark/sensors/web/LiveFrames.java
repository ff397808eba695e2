package org.tidemark.sensors.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import org.tidemark.sensors.live.LiveEvent;

/**
 * The wire form of recent live events for clients that see them unmasked, built (and UTF-8 encoded) once and
 * shared by every such client instead of once per client: with 200 clients, formatting and encoding dominated
 * the fan-out. A ring indexed by event id, as deep as a client may lag behind (replay buffer plus client
 * queue), so lagging clients hit it too; a slot reused by a newer event is simply rebuilt.
 *
 * @param <T> the frame type ({@code byte[]} for SSE, {@code String} for WebSocket text messages)
 */
final class LiveFrames<T> {
    private record Frame<T>(long id, T frame) {}

    private final AtomicReferenceArray<Frame<T>> ring;
    private final int mask;
    private final BiFunction<LiveEvent, String, T> format;

    /**
     * @param depth  how many recent events to keep (rounded up to a power of two, at most 65,536)
     * @param format the frame of an event given its payload JSON
     */
    LiveFrames(int depth, BiFunction<LiveEvent, String, T> format) {
        int size = Integer.highestOneBit(Math.clamp(depth, 16, 65_536) * 2 - 1);
        this.ring = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
        this.format = format;
    }

    /** The frame of an event with its published payload. */
    T of(LiveEvent e) {
        int i = (int) (e.id() & mask);
        Frame<T> f = ring.get(i);
        if (f != null && f.id() == e.id()) return f.frame();
        T frame = format.apply(e, e.json());
        ring.set(i, new Frame<>(e.id(), frame));
        return frame;
    }

    /** The frame of an event with a payload of its own (masked for one client). */
    T of(LiveEvent e, String data) { return format.apply(e, data); }

    /** An SSE event (HTML Living Standard §9.2.6): id, event name, one data line (the JSON has no line breaks). */
    static byte[] sse(LiveEvent e, String data) {
        return ("id:" + e.id() + "\nevent:" + e.type() + "\ndata:" + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A WebSocket text message: {@code {"id":"…","type":"…","data":{…}}}. */
    static String socket(LiveEvent e, String data) {
        return "{\"id\":\"" + e.id() + "\",\"type\":" + JsonText.quote(e.type()) + ",\"data\":" + data + "}";
    }
}
