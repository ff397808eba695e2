package org.tidemark.sensors.live;

import java.util.Map;

/**
 * One event on the live bus, as sent over server-sent events (HTML Living Standard §9.2): {@code id}
 * (for {@code Last-Event-ID} resume), {@code type} ({@code observation}, {@code status}, {@code alert})
 * and a JSON object with SL 323 attribute names.
 *
 * @param id      increasing per instance
 * @param type    the SSE event name
 * @param station {@code STCD} the event is about
 * @param data    the payload (attribute names as in the gauges layer)
 * @param json    the payload serialised once at publication (what unrestricted clients receive), or null
 */
public record LiveEvent(long id, String type, String station, Map<String, Object> data, String json) {
    public LiveEvent { data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data)); }
}
