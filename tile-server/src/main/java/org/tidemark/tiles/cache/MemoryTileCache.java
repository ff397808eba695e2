package org.tidemark.tiles.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.core.tile.TileSource;

/**
 * A least-recently-used memory cache in front of another source. Several tile sets may share one
 * {@link Budget}, so the whole server stays within one memory limit however many tile sets exist. Found
 * and Empty answers are kept; NotFound is passed through uncached.
 */
public final class MemoryTileCache implements TileCache {

    /** One LRU map and byte budget shared by the tile sets that use it. */
    public static final class Budget {
        private record Key(String set, String variant, int z, int x, int y) {}

        private final long maxBytes;
        private final LinkedHashMap<Key, TileResult> map = new LinkedHashMap<>(1024, 0.75f, true);
        private long bytes;
        private long hits;
        private long misses;

        public Budget(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized TileResult get(Key k) {
            TileResult r = map.get(k);
            if (r != null) hits++;
            else misses++;
            return r;
        }

        synchronized void put(Key k, TileResult r) {
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

        synchronized void invalidate(String set, Predicate<TileCoord> which) {
            Iterator<Map.Entry<Key, TileResult>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Key, TileResult> e = it.next();
                Key k = e.getKey();
                if (k.set.equals(set) && which.test(new TileCoord(k.z, k.x, k.y))) {
                    bytes -= size(e.getValue());
                    it.remove();
                }
            }
        }

        private static long size(TileResult r) {
            return 96 + (r instanceof TileResult.Found f ? f.data().length : 0);
        }

        public synchronized long bytes() { return bytes; }

        public synchronized int size() { return map.size(); }

        public synchronized long hits() { return hits; }

        public synchronized long misses() { return misses; }
    }

    private final TileSource next;
    private final Budget budget;
    private final String set;

    /** A cache with its own budget. */
    public MemoryTileCache(TileSource next, long maxBytes) {
        this(next, new Budget(maxBytes), "");
    }

    /** A cache for tile set {@code set} in a shared budget. */
    public MemoryTileCache(TileSource next, Budget budget, String set) {
        this.next = next;
        this.budget = budget;
        this.set = set;
    }

    @Override
    public TileResult tile(TileCoord c, String variant) {
        Budget.Key k = new Budget.Key(set, variant, c.z(), c.x(), c.y());
        TileResult r = budget.get(k);
        if (r != null) return r;
        r = next.tile(c, variant);
        if (!(r instanceof TileResult.NotFound)) budget.put(k, r);
        return r;
    }

    @Override
    public void invalidate(Predicate<TileCoord> which) { budget.invalidate(set, which); }

    public long bytes() { return budget.bytes(); }

    public int size() { return budget.size(); }

    public long hits() { return budget.hits(); }

    public long misses() { return budget.misses(); }
}
