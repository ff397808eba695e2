package org.tidemark.layers.wms;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded in-memory LRU of encoded GetMap responses, so map clients that ask for the same tiles again
 * (OpenLayers/Leaflet WMS tile layers, dashboards) get them without rendering. The key holds the canonical
 * request, and for each layer the caller's access decision and the source's version: another principal's
 * view, or a change of the data, never hits a stale entry. Entries also expire after a fixed age, for
 * sources that do not report versions.
 */
final class MapResponseCache {
    record Key(String request, List<Object> gates) {}

    record Entry(byte[] body, String contentType, long created) {}

    private final long maxBytes;
    private final long maxAgeNanos;
    private long bytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);

    MapResponseCache(long maxBytes, int maxAgeSeconds) {
        this.maxBytes = maxBytes;
        this.maxAgeNanos = maxAgeSeconds * 1_000_000_000L;
    }

    boolean enabled() { return maxBytes > 0; }

    synchronized Entry get(Key key) {
        Entry e = entries.get(key);
        if (e == null) return null;
        if (System.nanoTime() - e.created() > maxAgeNanos) {
            entries.remove(key);
            bytes -= e.body().length;
            return null;
        }
        return e;
    }

    synchronized void put(Key key, byte[] body, String contentType) {
        if (body.length > maxBytes / 8) return;
        Entry old = entries.put(key, new Entry(body, contentType, System.nanoTime()));
        if (old != null) bytes -= old.body().length;
        bytes += body.length;
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().getValue().body().length;
            it.remove();
        }
    }

    synchronized int size() { return entries.size(); }
}
