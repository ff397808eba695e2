package org.tidemark.tiles.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.core.tile.TileSource;

/**
 * A least-recently-used memory cache bounded by bytes, in front of another source. Found and Empty
 * answers are kept; NotFound is passed through uncached.
 */
public final class MemoryTileCache implements TileCache {
    private record Key(String variant, int z, int x, int y) {}

    private final TileSource next;
    private final long maxBytes;
    private final LinkedHashMap<Key, TileResult> map = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    public MemoryTileCache(TileSource next, long maxBytes) {
        this.next = next;
        this.maxBytes = maxBytes;
    }

    @Override
    public TileResult tile(TileCoord c, String variant) {
        Key k = new Key(variant, c.z(), c.x(), c.y());
        synchronized (this) {
            TileResult r = map.get(k);
            if (r != null) {
                hits++;
                return r;
            }
            misses++;
        }
        TileResult r = next.tile(c, variant);
        if (!(r instanceof TileResult.NotFound)) put(k, r);
        return r;
    }

    private synchronized void put(Key k, TileResult r) {
        long size = size(r);
        if (size > maxBytes) return;
        TileResult old = map.put(k, r);
        if (old != null) bytes -= size(old);
        bytes += size;
        Iterator<Map.Entry<Key, TileResult>> it = map.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= size(it.next().getValue());
            it.remove();
        }
    }

    private static long size(TileResult r) {
        return 96 + (r instanceof TileResult.Found f ? f.data().length : 0);
    }

    @Override
    public synchronized void invalidate(Predicate<TileCoord> which) {
        Iterator<Map.Entry<Key, TileResult>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, TileResult> e = it.next();
            Key k = e.getKey();
            if (which.test(new TileCoord(k.z, k.x, k.y))) {
                bytes -= size(e.getValue());
                it.remove();
            }
        }
    }

    public synchronized long bytes() { return bytes; }

    public synchronized int size() { return map.size(); }

    public synchronized long hits() { return hits; }

    public synchronized long misses() { return misses; }
}
