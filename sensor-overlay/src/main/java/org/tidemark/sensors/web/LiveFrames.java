package org.tidemark.sensors.web;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import org.tidemark.sensors.live.LiveEvent;

/**
 * The wire form of recent live events for clients that see them unmasked, built once and shared by every
 * such client instead of once per client (with 200 clients, formatting dominated the fan-out). A small ring
 * indexed by event id; a slot reused by a newer event is simply rebuilt.
 */
final class LiveFrames {
    private static final int SIZE = 4096;
    private record Frame(long id, String text) {}

    private final AtomicReferenceArray<Frame> ring = new AtomicReferenceArray<>(SIZE);
    private final BiFunction<LiveEvent, String, String> format;

    /** @param format the frame of an event given its payload JSON */
    LiveFrames(BiFunction<LiveEvent, String, String> format) { this.format = format; }

    /** The frame of an event with its published payload. */
    String of(LiveEvent e) {
        int i = (int) (e.id() & (SIZE - 1));
        Frame f = ring.get(i);
        if (f != null && f.id() == e.id()) return f.text();
        String text = format.apply(e, e.json());
        ring.set(i, new Frame(e.id(), text));
        return text;
    }

    /** The frame of an event with a payload of its own (masked for one client). */
    String of(LiveEvent e, String data) { return format.apply(e, data); }

    /** An SSE event (HTML Living Standard §9.2.6): id, event name, one data line (the JSON has no line breaks). */
    static String sse(LiveEvent e, String data) {
        return "id:" + e.id() + "\nevent:" + e.type() + "\ndata:" + data + "\n\n";
    }

    /** A WebSocket text message: {@code {"id":"…","type":"…","data":{…}}}. */
    static String socket(LiveEvent e, String data) {
        return "{\"id\":\"" + e.id() + "\",\"type\":" + JsonText.quote(e.type()) + ",\"data\":" + data + "}";
    }
}
