package org.tidemark.tiles.cache;

import java.util.function.Function;
import java.util.function.Predicate;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.core.tile.TileSource;

/**
 * An (approximately) least-recently-used memory cache in front of another source. Several tile sets may share one
 * {@link Budget}, so the whole server stays within one memory limit however many tile sets exist. Found
 * and Empty answers are kept; NotFound is passed through uncached.
 */
public final class MemoryTileCache implements TileCache {

    /**
     * One byte budget shared by the tile sets that use it: a concurrent map (lock-free hits) with
     * approximate LRU eviction — each hit stamps the entry with a global tick, and when the budget is
     * exceeded the least recently stamped entries are dropped until 90% of it is left.
     */
    public static final class Budget {
        private record Key(String set, String variant, int z, int x, int y) {}

        private static final class Entry {
            final TileResult result;
            final long size;
            volatile long access;
            /** The result prepared for the wire by {@link #peek}'s caller, made once per entry. */
            volatile Object prepared;

            Entry(TileResult result, long access) {
                this.result = result;
                this.size = size(result);
                this.access = access;
            }
        }

        private final long maxBytes;
        private final java.util.concurrent.ConcurrentHashMap<Key, Entry> map = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong tick = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
        private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

        public Budget(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        TileResult get(Key k) {
            Entry e = hit(k);
            if (e == null) {
                misses.increment();
                return null;
            }
            return e.result;
        }

        private Entry hit(Key k) {
            Entry e = map.get(k);
            if (e == null) return null;
            // an entry already stamped with the newest tick is left alone, so repeated hits on the hottest
            // tile neither advance the shared counter nor rewrite the entry
            if (e.access != tick.get()) e.access = tick.incrementAndGet();
            hits.increment();
            return e;
        }

        @SuppressWarnings("unchecked")
        <T> T peek(Key k, Function<TileResult, T> prepare) {
            Entry e = hit(k);
            if (e == null) return null;
            Object p = e.prepared;
            if (p == null) {
                p = prepare.apply(e.result);
                e.prepared = p; // a race only prepares the same value twice
            }
            return (T) p;
        }

        void put(Key k, TileResult r) {
            Entry e = new Entry(r, tick.incrementAndGet());
            if (e.size > maxBytes) return;
            Entry old = map.put(k, e);
            bytes.addAndGet(e.size - (old == null ? 0 : old.size));
            if (bytes.get() > maxBytes) evict();
        }

        private synchronized void evict() {
            if (bytes.get() <= maxBytes) return;
            var entries = new java.util.ArrayList<>(map.entrySet());
            entries.sort(java.util.Comparator.comparingLong(x -> x.getValue().access));
            long target = maxBytes - maxBytes / 10;
            for (var x : entries) {
                if (bytes.get() <= target) break;
                if (map.remove(x.getKey(), x.getValue())) bytes.addAndGet(-x.getValue().size);
            }
        }

        void invalidate(String set, Predicate<TileCoord> which) {
            for (var x : map.entrySet()) {
                Key k = x.getKey();
                if (k.set.equals(set) && which.test(new TileCoord(k.z, k.x, k.y)) && map.remove(k, x.getValue())) {
                    bytes.addAndGet(-x.getValue().size);
                }
            }
        }

        private static long size(TileResult r) {
            return 96 + (r instanceof TileResult.Found f ? f.data().length : 0);
        }

        public long bytes() { return bytes.get(); }

        public int size() { return map.size(); }

        public long hits() { return hits.sum(); }

        public long misses() { return misses.sum(); }
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

    /**
     * A memory hit only — never asks the next source — with the hit's result turned into a form ready to
     * send by {@code prepare}, which runs once per cached entry (and again after the tile is replaced).
     *
     * @return the prepared hit, or null on a miss (the caller then takes the full path)
     */
    public <T> T peek(TileCoord c, String variant, Function<TileResult, T> prepare) {
        return budget.peek(new Budget.Key(set, variant, c.z(), c.x(), c.y()), prepare);
    }

    @Override
    public void invalidate(Predicate<TileCoord> which) { budget.invalidate(set, which); }

    public long bytes() { return budget.bytes(); }

    public int size() { return budget.size(); }

    public long hits() { return budget.hits(); }

    public long misses() { return budget.misses(); }
}
